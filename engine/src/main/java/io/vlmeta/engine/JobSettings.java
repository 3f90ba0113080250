package io.vlmeta.engine;

import io.vlmeta.api.FieldSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of a job that decide which of the input's rows reach a field, in what order, and what
 * value each becomes: the source and how it reads (source options), how keys match media
 * and whether unmatched rows are let through, and how values are read (date formats, time zone,
 * truncation, field options). A resumed job continues a field from the row number its journal
 * recorded, so it must read the rows exactly as the stopped run did; the journal keeps these settings
 * and refuses a resume under other ones. Limits that only refuse (enum limits, a string limit without
 * truncation) are left out: a run they would refuse sends nothing.
 */
final class JobSettings {

    private JobSettings() {
    }

    /**
     * @param sourceName the source that reads the input, chosen or detected
     * @return each setting given or in force, by the option's name (e.g. {@code --match-by},
     *     {@code --source-option encoding}), as a digest of its value, so that the journal keeps no value
     *     typed in the wrong place; a setting left out is one not given
     */
    static Map<String, String> of(JobSpec spec, String sourceName) {
        Map<String, String> settings = new TreeMap<>();
        // the source in force, however it was chosen: a plan names it, a command line may leave it to detection
        put(settings, "--source", sourceName);
        // the path column is left out: its default is the source's to know, so a plan that writes it out and a
        // command line that leaves it would differ; another column maps the rows to other media, which the
        // resumed field's check of its last entry on the server catches
        spec.sourceOptions().forEach((name, value) -> put(settings, "--source-option " + name, value));
        put(settings, "--match-by", spec.matchBy());
        if (spec.allowUnmatched()) {
            put(settings, "--allow-unmatched", "true");
        }
        FieldSettings fields = spec.fieldSettings();
        // UTC, Z, Etc/UTC and +00:00 read every value alike
        put(settings, "--timezone", fields.timezone().normalized().getId());
        if (!fields.datetimeFormats().isEmpty()) {
            put(settings, "--datetime-format", String.join("\n", fields.datetimeFormats()));
        }
        if (fields.truncateStrings()) {
            put(settings, "--truncate-strings", "true");
            put(settings, "--string-max-length", Integer.toString(fields.stringMaxLength()));
        }
        fields.options().forEach((name, value) -> put(settings, "--field-option " + name, value));
        return settings;
    }

    private static void put(Map<String, String> settings, String name, String value) {
        if (value != null) {
            settings.put(name, digest(value));
        }
    }

    private static String digest(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
