package io.vlmeta.sources.dicom;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code dicom-sidecar} source: DICOM headers kept beside converted images, as DICOM JSON Model
 * sidecars, flat keyword sidecars, or Visual Layer's DICOM converter CSV, typed by their VRs.
 *
 * <p>Options: {@code sidecar-format} ({@code json-model}, {@code flat}, {@code converter-csv}; detected
 * from content when absent), {@code sidecar-glob} (default {@code *.json}), {@code field-names}
 * ({@code keyword} or {@code snake}), {@code combine-date-time} ({@code true} or {@code false}) and
 * {@code sidecar-key} (a keyword or tag such as {@code SOPInstanceUID}: the attribute whose value names
 * each dataset's image, so that a DICOMweb metadata response can describe many images).
 */
public final class DicomSidecarSourceProvider implements SourceProvider {
    private static final int CONTENT_MATCH = 20;

    /**
     * The JSON factory, shared and thread-safe, made when a job first opens sidecars (a holder class, as
     * {@link DicomDictionary#standard()} is): every run creates every provider, and most read no DICOM.
     */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder()
                // a name given twice in one object is an error, not the last value silently winning
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // dcm2niix copies ISO 2022 escape bytes into strings unescaped; MisdecodedText needs them.
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .build();
    }

    /** Creates the provider; it holds no per-job state, and loads the dictionary only when a job opens DICOM. */
    public DicomSidecarSourceProvider() {
        // The dictionary and the JSON factory are shared and thread-safe.
    }

    @Override
    public String name() {
        return "dicom-sidecar";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(SidecarOptions.NAMES);
    }

    @Override
    public void checkOptionValues(Map<String, String> options, Map<String, String> origins) {
        if (!options.isEmpty()) { // the dictionary is loaded only for a job that gives this source options
            SidecarOptions.from(options, origins, DicomDictionary.standard());
        }
    }

    @Override
    public String description() {
        return "DICOM header sidecars (DICOM JSON Model, flat keyword JSON) or the DICOM converter's dicom_metadata.csv, typed by VR";
    }

    @Override
    public int score(Path path) {
        try {
            if (Files.isDirectory(path)) {
                return new SortedSidecarWalk(path, SidecarOptions.DEFAULT_GLOB).next() != null ? CONTENT_MATCH : 0;
            }
            if (isCsv(path) && Files.isRegularFile(path)) {
                return hasConverterHeader(path) ? CONTENT_MATCH : 0;
            }
        } catch (IOException | UncheckedIOException unreadable) {
            // A path this source cannot look into is one it cannot claim.
        }
        return 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        DicomDictionary dictionary = DicomDictionary.standard();
        SidecarOptions options = SidecarOptions.from(request, dictionary);
        Path path = request.path();
        try {
            Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            // the system's own failure, so a link to nothing or a loop of links is told apart from a missing file
            throw FileFaults.unreadableInput(path, request.label(), e);
        }
        if (Files.isDirectory(path)) {
            return openFolder(path, options, dictionary, reporter);
        }
        if (options.format() == SidecarFormat.CONVERTER_CSV || (options.format() == null && isCsv(path))) {
            if (options.key() != null) {
                throw VlmetaException.usage("Option " + SidecarOptions.KEY + " names the image of each dataset in a folder "
                        + "of sidecars; the converter's CSV names it in a column (" + ConverterCsvRows.DEFAULT_KEY_COLUMN
                        + ", or the one --path-column names).");
            }
            String keyColumn = request.keyColumnOr(ConverterCsvRows.DEFAULT_KEY_COLUMN);
            return new DicomRecordSource(request.label(), keyColumn,
                    r -> new ConverterCsvRows(path, request.label(), keyColumn, dictionary, r),
                    options.namingOr(FieldNaming.SNAKE), options.combineDateTime(), reporter);
        }
        throw VlmetaException.usage("The dicom-sidecar source reads a folder of sidecars or the DICOM converter's CSV; "
                + request.label() + " is a file" + (options.format() == null ? "" : ", and sidecar-format="
                + options.format().optionValue() + " needs a folder") + ".");
    }

    /**
     * A folder's sidecars, in the order they are read; not the images beside them, which can be gigabytes
     * this source never opens.
     */
    @Override
    public List<Path> contentFiles(SourceRequest request) throws IOException {
        Path path = request.path();
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        String glob = SidecarOptions.from(request, DicomDictionary.standard()).glob();
        List<Path> sidecars = new ArrayList<>();
        try {
            SortedSidecarWalk walk = new SortedSidecarWalk(path, glob);
            for (Path sidecar = walk.next(); sidecar != null; sidecar = walk.next()) {
                sidecars.add(sidecar);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return sidecars;
    }

    private static RecordSource openFolder(Path folder, SidecarOptions options, DicomDictionary dictionary,
                                           ProblemReporter reporter) {
        if (options.format() == SidecarFormat.CONVERTER_CSV) {
            throw VlmetaException.usage("Option sidecar-format=converter-csv needs the converter's CSV file, but "
                    + folder + " is a folder.");
        }
        try {
            if (new SortedSidecarWalk(folder, options.glob()).next() == null) {
                throw VlmetaException.malformed("Folder " + folder + " holds no sidecar files matching '" + options.glob()
                        + "'; set sidecar-glob to match them.");
            }
        } catch (UncheckedIOException e) {
            throw UnlistableFolder.refusal(folder, e.getCause());
        }
        return new DicomRecordSource(folder.toString(), "file_fullpath",
                r -> new SidecarFolderRows(folder, options, dictionary, Json.FACTORY, r),
                options.namingOr(FieldNaming.KEYWORD), options.combineDateTime(), reporter);
    }

    private static boolean isCsv(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Reads the header line only. */
    private static boolean hasConverterHeader(Path path) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            header = reader.readLine();
        }
        if (header == null) {
            return false;
        }
        // Read as Latin-1 so any bytes decode; a UTF-8 byte order mark then shows as these three characters.
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(header.replace("\u00ef\u00bb\u00bf", "")))) {
            for (CSVRecord record : parser) {
                return Arrays.asList(record.values()).contains(ConverterCsvRows.DEFAULT_KEY_COLUMN);
            }
        }
        return false;
    }
}
