package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.JobKey;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobKeysTest {
    private static final String CSV = "file_fullpath,a\nx.jpg,1\ny.jpg,2\n";

    @TempDir
    Path dir;

    /** A source that reads what the default says: the file, or every file of a folder. */
    private static class AnySource implements SourceProvider {
        final AtomicInteger listed = new AtomicInteger();

        @Override
        public String name() {
            return "any";
        }

        @Override
        public String description() {
            return "any";
        }

        @Override
        public int score(Path path) {
            return 10;
        }

        @Override
        public RecordSource open(SourceRequest request, ProblemReporter reporter) {
            throw new UnsupportedOperationException("keys never open the source");
        }

        @Override
        public List<Path> contentFiles(SourceRequest request) throws IOException {
            listed.incrementAndGet();
            return SourceProvider.super.contentFiles(request);
        }
    }

    /** A source that reads a folder's JSON files only, as the sidecar source reads its glob. */
    private static final class JsonOnly extends AnySource {
        @Override
        public List<Path> contentFiles(SourceRequest request) throws IOException {
            return super.contentFiles(request).stream().filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    private static JobSpec.Builder spec(Path input) {
        return JobSpec.builder().input(input);
    }

    private static String key(JobSpec spec, SourceProvider source) {
        return JobKeys.of(spec, source, new SourceRequest(spec.input(), spec.keyColumn(), spec.sourceOptions()),
                () -> false);
    }

    private static String key(JobSpec.Builder spec) {
        return key(spec.build(), new AnySource());
    }

    private Path write(String name, String content, Instant modified) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void knowsTheSameBytesAgainAfterATouchACopyOrAMove() throws IOException {
        Path original = write("data/metadata.csv", CSV, Instant.parse("2026-01-01T00:00:00Z"));
        String before = key(spec(original));

        Files.setLastModifiedTime(original, FileTime.from(Instant.parse("2026-12-03T10:00:00Z")));
        Path copy = write("checkout/elsewhere.csv", CSV, Instant.parse("2026-12-03T11:00:00Z"));

        assertThat(key(spec(original))).as("touched").isEqualTo(before);
        assertThat(key(spec(copy))).as("copied under another name").isEqualTo(before);
    }

    @Test
    void givesAnEditedInputAnotherKeyEvenWithItsSizeAndTimeKept() throws IOException {
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        Path input = write("metadata.csv", CSV, time);
        String before = key(spec(input));

        write("metadata.csv", CSV.replace("y.jpg,2", "y.jpg,3"), time);

        assertThat(key(spec(input))).isNotEqualTo(before);
    }

    @Test
    void knowsPipedBytesAsTheFileThatHoldsThem() throws Exception {
        Path file = write("metadata.csv", CSV, Instant.now());
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CSV.getBytes(StandardCharsets.UTF_8)));
        Path copyOfStandardInput = write("vlmeta-stdin-123.csv", "not read: the digest of the piped bytes counts",
                Instant.now());

        assertThat(key(spec(copyOfStandardInput).inputDigest(digest))).isEqualTo(key(spec(file)));
    }

    @Test
    void keepsHowTheBytesAreReadBesideTheKeyNotInItWhateverTheOrderOfOptions() throws IOException {
        Path input = write("metadata.csv", CSV, Instant.now());
        SourceRequest request = new SourceRequest(input, null, Map.of());
        JobKey plain = JobKeys.start(spec(input).build(), new AnySource(), request);
        JobKey otherColumn = JobKeys.start(spec(input).keyColumn("a").build(), new AnySource(), request);
        JobKey otherEncoding = JobKeys.start(spec(input).sourceOption("encoding", "windows-1252").build(),
                new AnySource(), request);

        // the same journal is found, and the settings it keeps tell the runs apart
        assertThat(otherColumn.value()).isEqualTo(plain.value());
        assertThat(otherEncoding.value()).isEqualTo(plain.value());
        assertThat(otherColumn.settings()).as("the last entry's check covers the path column")
                .isEqualTo(plain.settings());
        assertThat(otherEncoding.settings()).containsKey("--source-option encoding");
        // Map.copyOf iterates in an order that changes from one Java process to the next
        for (int i = 0; i < 20; i++) {
            JobSpec copied = spec(input).sourceOptions(Map.of("encoding", "utf-8", "delimiter", ";", "sheet", "a"))
                    .build();
            JobSpec inOrder = spec(input).sourceOption("sheet", "a").sourceOption("delimiter", ";")
                    .sourceOption("encoding", "utf-8").build();
            assertThat(JobSettings.of(copied, "csv")).isEqualTo(JobSettings.of(inOrder, "csv"));
        }
    }

    @Test
    void knowsAFolderByTheFilesItsSourceReadsAndTheirPlaces() throws IOException {
        Path folder = dir.resolve("sidecars");
        write("sidecars/a.json", "{\"a\":1}", Instant.parse("2026-01-01T00:00:00Z"));
        write("sidecars/b.json", "{\"b\":2}", Instant.parse("2026-01-01T00:00:00Z"));
        write("sidecars/a.dcm", "pixels", Instant.parse("2026-01-01T00:00:00Z"));
        String before = key(spec(folder).build(), new JsonOnly());

        write("sidecars/a.dcm", "other pixels, never read", Instant.now());
        write("sidecars/.DS_Store", "hidden", Instant.now());
        Files.setLastModifiedTime(folder.resolve("b.json"), FileTime.from(Instant.now()));
        assertThat(key(spec(folder).build(), new JsonOnly())).as("unread files changed, read ones touched")
                .isEqualTo(before);

        Files.move(folder.resolve("b.json"), folder.resolve("c.json"));
        assertThat(key(spec(folder).build(), new JsonOnly())).as("a sidecar under another image's name")
                .isNotEqualTo(before);
    }

    @Test
    void leavesHiddenFilesOutOfAFolderByDefault() throws IOException {
        Path folder = dir.resolve("parts");
        write("parts/part-0.parquet", "PAR1", Instant.now());
        String before = key(spec(folder));

        write("parts/.part-0.parquet.crc", "checksum", Instant.now());
        write("parts/.hidden/part-9.parquet", "PAR1", Instant.now());

        assertThat(key(spec(folder))).isEqualTo(before);
        write("parts/sub/part-1.parquet", "PAR1", Instant.now());
        assertThat(key(spec(folder))).isNotEqualTo(before);
    }

    @Test
    void digestsAnUploadsInputBesideTheJobAndAValidationsOnlyWhenAsked() throws IOException {
        Path input = write("metadata.csv", CSV, Instant.now());
        JobSpec upload = spec(input).build();
        JobSpec validation = spec(input).mode(JobSpec.Mode.VALIDATE).build();
        AnySource source = new AnySource();
        SourceRequest request = new SourceRequest(input, null, Map.of());

        JobKey uploads = JobKeys.start(upload, source, request);
        assertThat(uploads.value()).isEqualTo(key(upload, new AnySource()));
        assertThat(source.listed).hasValue(1);

        JobKey validates = JobKeys.start(validation, source, request);
        assertThat(source.listed).as("nothing digested yet").hasValue(1);
        assertThat(validates.value()).isEqualTo(uploads.value());
        assertThat(source.listed).hasValue(2);
    }

    @Test
    void refusesAnInputThatCannotBeReadInTheWordsOfOtherReadFaults() {
        Path missing = dir.resolve("gone.csv");

        assertThatThrownBy(() -> key(spec(missing).inputLabel("gone.csv")))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessage("gone.csv does not exist.");
    }
}
