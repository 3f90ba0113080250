package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaIndexTest {
    private static final String ID_A = "f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0";
    private static final String ID_B = "b1ac12e7-53dc-4c7c-b93d-1836b4aa4f95";
    private static final String ID_C = "0b0e8f43-6f0c-4c8e-9a55-0f4f5f7d2a11";
    private static final String ID_D = "7d4e1c0a-2b7f-4f55-8f0e-5b6c1d2e3f40";

    @TempDir
    Path dir;

    private MediaIndex index(MatchMode mode, String csv) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, csv);
        return ExportReader.read(file, file.toString(), mode).build("test");
    }

    private MediaIndex standard(MatchMode mode) throws IOException {
        return index(mode, "media_type,media_id,filename,extra\n"
                + "image," + ID_A + ",images/cats/img1.jpg,x\n"
                + "image," + ID_B + ",images/dogs/img1.jpg,x\n"
                + "image," + ID_C + ",images/dogs/img2.jpg,x\n"
                + "image," + ID_D + ",scans\\series\\x.dcm,x\n");
    }

    @Test
    void matchesTheExactPathWhateverTheColumnOrder() throws IOException {
        MediaIndex index = standard(MatchMode.PATH);

        assertThat(index.resolve("images/dogs/img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void normalisesBackslashesAndALeadingDotSlashOnBothSides() throws IOException {
        MediaIndex index = standard(MatchMode.PATH);

        assertThat(index.resolve("./images\\cats\\img1.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve("scans/series/x.dcm")).isEqualTo(new Resolution.Matched(ID_D, 3));
    }

    @Test
    void fallsBackToTheOnePathWithThatSuffixAtAFolderBoundary() throws IOException {
        MediaIndex index = standard(MatchMode.PATH);

        assertThat(index.resolve("dogs/img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.resolve("img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.resolve("gs/img2.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
    }

    @Test
    void matchesLocalAbsolutePathsThatEndWithTheDatasetPath() throws IOException {
        MediaIndex index = standard(MatchMode.PATH);

        assertThat(index.resolve("/home/me/data/images/dogs/img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.resolve("C:\\data\\images\\cats\\img1.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
    }

    @Test
    void reportsASuffixShownByTwoMediaAsAmbiguousListingBoth() throws IOException {
        MediaIndex index = standard(MatchMode.PATH);

        assertThat(index.resolve("img1.jpg"))
                .isEqualTo(new Resolution.Ambiguous(List.of("images/cats/img1.jpg", "images/dogs/img1.jpg")));
    }

    @Test
    void reportsTwoMediaWithTheSamePathAsAmbiguousRatherThanKeepingTheLast() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "filename,media_id\na/x.jpg," + ID_A + "\na/x.jpg," + ID_B + "\n");

        assertThat(index.resolve("a/x.jpg")).isEqualTo(new Resolution.Ambiguous(List.of("a/x.jpg", "a/x.jpg")));
    }

    @Test
    void suffixModeNeverNeedsTheExactPathButAppliesTheSameRule() throws IOException {
        MediaIndex index = standard(MatchMode.SUFFIX);

        assertThat(index.resolve("images/dogs/img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.resolve("cats/img1.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve("img1.jpg")).isInstanceOf(Resolution.Ambiguous.class);
    }

    @Test
    void basenameModeIgnoresFolders() throws IOException {
        MediaIndex index = standard(MatchMode.BASENAME);

        assertThat(index.resolve("elsewhere/img2.jpg")).isEqualTo(new Resolution.Matched(ID_C, 2));
        assertThat(index.resolve("other/img1.jpg"))
                .isEqualTo(new Resolution.Ambiguous(List.of("images/cats/img1.jpg", "images/dogs/img1.jpg")));
    }

    @Test
    void stemModePairsADicomFileWithItsConvertedImage() throws IOException {
        MediaIndex index = index(MatchMode.STEM, "filename,media_id\nseries/x.jpg," + ID_A + "\nseries/y.jpg,"
                + ID_B + "\n");

        assertThat(index.resolve("dicom/x.dcm")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve("y")).isEqualTo(new Resolution.Matched(ID_B, 1));
        assertThat(index.resolve("z.dcm")).isEqualTo(Resolution.Unmatched.INSTANCE);
    }

    @Test
    void keepsMediaIdsThatAreNotUuidsExactlyAsWritten() throws IOException {
        MediaIndex index = index(MatchMode.PATH, "filename,media_id\na.jpg," + ID_A + "\nb.jpg,Media-42\nc.jpg,"
                + ID_C.toUpperCase() + "\n");

        assertThat(index.resolve("a.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(index.resolve("b.jpg")).isEqualTo(new Resolution.Matched("Media-42", 1));
        assertThat(index.resolve("c.jpg")).isEqualTo(new Resolution.Matched(ID_C.toUpperCase(), 2));
    }

    @Test
    void readsTheUiMetadataJsonInBothShapes() throws IOException {
        Path object = dir.resolve("metadata.json");
        Files.writeString(object, "{\"info\": {\"schema_version\": \"1.0\", \"total_media_items\": 2},"
                + " \"media_items\": [{\"media_id\": \"" + ID_A + "\", \"media_type\": \"image\", \"file_name\": "
                + "\"img1.jpg\", \"file_path\": \"images/img1.jpg\", \"labels\": [{\"x\": 1}]},"
                + " {\"media_id\": \"" + ID_B + "\", \"media_type\": \"video_frame\", \"file_name\": \"f.jpg\"}]}");
        Path array = dir.resolve("old-metadata.json");
        Files.writeString(array, "[{\"file_name\": \"f.jpg\", \"media_id\": \"" + ID_B + "\"}]");

        MediaIndex fromObject = ExportReader.read(object, "metadata.json", MatchMode.PATH).build("object");
        MediaIndex fromArray = ExportReader.read(array, "old-metadata.json", MatchMode.PATH).build("array");

        assertThat(fromObject.resolve("images/img1.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(fromObject.resolve("f.jpg")).isEqualTo(new Resolution.Matched(ID_B, 1));
        assertThat(fromArray.resolve("f.jpg")).isEqualTo(new Resolution.Matched(ID_B, 0));
    }

    /** @return the index read from a named pipe (mkfifo) that a thread of its own writes {@code text} into */
    private MediaIndex fromPipe(String name, String text) throws Exception {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(fifo, text); // blocks until the reader opens the pipe
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try {
            return ExportReader.read(fifo, name, MatchMode.PATH).build("pipe");
        } finally {
            writer.join(10_000);
        }
    }

    @Test
    void readsAnExportFromAPipeWhichCanBeReadOnlyOnceAsFromAFile() throws Exception {
        // --export-file <(curl ...): the header's first byte must not be spent on telling CSV from JSON
        MediaIndex csv = fromPipe("export-pipe", "filename,media_id\nimages/img1.jpg," + ID_A + "\n");
        MediaIndex json = fromPipe("metadata-pipe", " [{\"file_name\": \"f.jpg\", \"media_id\": \"" + ID_B + "\"}]");

        assertThat(csv.resolve("images/img1.jpg")).isEqualTo(new Resolution.Matched(ID_A, 0));
        assertThat(json.resolve("f.jpg")).isEqualTo(new Resolution.Matched(ID_B, 0));
    }

    @Test
    void refusesAnExportThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "filename,media_id\nimages/gr\u00f6\u00dfe.jpg,x\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ExportReader.read(file, "latin1.csv", MatchMode.PATH))
                .isInstanceOf(VlmetaException.class).hasMessage("The export latin1.csv holds bytes that are not UTF-8 "
                        + "text, the encoding Visual Layer writes its exports in; a file another program saved must be "
                        + "saved as UTF-8 again.")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(io.vlmeta.api.ErrorCode.INPUT_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "UTF-16LE", "UTF-16BE", "UTF-16"})
    void refusesAMetadataJsonThatIsNotUtf8AsItRefusesSuchACsv(String encoding) throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.write(file, ("{\"media_items\": [{\"media_id\": \"" + ID_A + "\", \"file_name\": \"gr\u00f6\u00dfe.jpg\"}]}")
                .getBytes(java.nio.charset.Charset.forName(encoding)));

        assertThatThrownBy(() -> ExportReader.read(file, "metadata.json", MatchMode.PATH))
                .isInstanceOf(VlmetaException.class).hasMessage("The export metadata.json holds bytes that are not "
                        + "UTF-8 text, the encoding Visual Layer writes its exports in; a file another program saved "
                        + "must be saved as UTF-8 again.")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(io.vlmeta.api.ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void refusesAMetadataJsonWithLatin1InAKeyAsNotUtf8RatherThanAsBrokenJson() throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.write(file, ("{\"media_items\": [{\"Gr\u00f6\u00dfe\": \"x\", \"media_id\": \"" + ID_A
                + "\", \"file_name\": \"a.jpg\"}]}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ExportReader.read(file, "metadata.json", MatchMode.PATH))
                .isInstanceOf(VlmetaException.class).hasMessageContaining("holds bytes that are not UTF-8 text")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void aMetadataJsonThatIsBrokenJsonInUtf8IsStillCalledBrokenJson() throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, "{\"media_items\": [{\"gr\u00f6\u00dfe\": \"x\", \"media_id\": }]}");

        assertThatThrownBy(() -> ExportReader.read(file, "metadata.json", MatchMode.PATH))
                .isInstanceOf(VlmetaException.class).hasMessageStartingWith("The export metadata.json is not valid JSON");
    }

    @Test
    void readsTheSharedDicomFixtureExport() {
        Path fixture = SharedFixtures.dir().resolve("fixtures/dicom/export_media_id.csv");

        MediaIndex index = ExportReader.read(fixture, "export_media_id.csv", MatchMode.PATH).build("fixture");

        assertThat(index.resolve("series-00000_CT_small.jpg"))
                .isEqualTo(new Resolution.Matched("e1e37a29-b941-5aee-8d5a-34c05a8bc404", 0));
    }

    @Test
    void refusesAnExportWithoutTheNeededColumnsNamingThoseItHas() throws IOException {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "name,id\na.jpg,1\n");

        assertThatThrownBy(() -> ExportReader.read(file, "wrong.csv", MatchMode.PATH))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("The export wrong.csv needs the columns 'filename' and 'media_id'; it has: name, id.")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void refusesARowWithoutAMediaIdRatherThanLeavingItsPathUnmatched() throws IOException {
        Path file = dir.resolve("gap.csv");
        Files.writeString(file, "filename,media_id\na.jpg," + ID_A + "\nb.jpg,\n");

        assertThatThrownBy(() -> ExportReader.read(file, "gap.csv", MatchMode.PATH))
                .hasMessage("The export gap.csv, row 3: the media_id is empty.");
    }
}
