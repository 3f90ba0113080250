package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class ExportCsvTest {

    /** The export as Commons CSV's printer writes it, record by record. */
    private static String printedByCommonsCsv(MediaCatalog media) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, ExportCsv.FORMAT)) {
            for (int ordinal = 0; ordinal < media.size(); ordinal++) {
                printer.printRecord(media.mediaId(ordinal), "image", media.filename(ordinal));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String written(MediaCatalog media) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ExportCsv(media).writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatCommonsCsvPrintsForFileNamesItQuotesOrMightQuote() throws IOException {
        List<String> names = List.of("images/a.jpg", "with,comma.jpg", "with\"quote.jpg", " leading-space.jpg",
                "trailing-space.jpg ", "#hash.jpg", "!bang.jpg", "\"quoted\"", "$dollar.jpg", "back\\slash.jpg",
                "tab\tinside.jpg", "new\nline.jpg", "cr\rinside.jpg", "ünïcode.jpg", "emoji📷.jpg", "~tilde", "a",
                "x".repeat(70_000), "trailing-tab\t", "del\u007f.jpg");

        MediaCatalog media = MediaCatalog.of("ds-export", names);

        assertThat(written(media)).isEqualTo(printedByCommonsCsv(media));
    }

    @Test
    void writesWhatCommonsCsvPrintsForManyRandomFileNames() throws IOException {
        Random random = new Random(3);
        String characters = "abcXYZ019/._-$~,\"\\ #!\t\né📷";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder("images/").append(i);
            for (int c = random.nextInt(30); c > 0; c--) {
                name.append(random.nextInt(8) == 0 ? characters.charAt(random.nextInt(characters.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            names.add(name.toString());
        }

        MediaCatalog media = MediaCatalog.of("ds-random", names);

        assertThat(written(media)).isEqualTo(printedByCommonsCsv(media));
    }

    @Test
    void writesOnlyTheHeaderForADatasetWithoutMedia() throws IOException {
        assertThat(written(MediaCatalog.of("empty", List.of()))).isEqualTo("media_id,media_type,filename\n");
    }
}
