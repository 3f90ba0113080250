package io.vlmeta.sources.xlsx;

import io.vlmeta.api.SourceProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxSourceProviderTest {
    private final XlsxSourceProvider provider = new XlsxSourceProvider();

    @Test
    void claimsExcelExtensionsWhateverTheirCase() {
        assertThat(provider.score(Path.of("data/book.xlsx"))).isEqualTo(10);
        assertThat(provider.score(Path.of("BOOK.XLSM"))).isEqualTo(10);
        assertThat(provider.score(Path.of("old.xls"))).isEqualTo(10);
    }

    @Test
    void leavesOtherFilesToOtherSources() {
        assertThat(provider.score(Path.of("data.csv"))).isZero();
        assertThat(provider.score(Path.of("book.xlsx.bak"))).isZero();
        assertThat(provider.score(Path.of("sidecars"))).isZero();
        assertThat(provider.score(Path.of("/"))).isZero();
    }

    @Test
    void isFoundByTheServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(SourceProvider.class).stream()
                .filter(found -> found.type() == XlsxSourceProvider.class)
                .map(found -> found.get().name()))
                .containsExactly("xlsx");
    }
}
