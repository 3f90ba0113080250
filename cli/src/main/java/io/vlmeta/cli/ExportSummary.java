package io.vlmeta.cli;

import io.vlmeta.api.UriRedaction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code vlmeta export} saved, as its {@code --json} document states it for scripts:
 * {@code {"status":"exported","exit_code":0,"file":...,"media":...,"dataset_id":...,"base_url":...}}.
 *
 * @param file    the file written, absolute; never null
 * @param media   how many media the export lists
 * @param dataset the dataset's id; never null
 * @param baseUrl the server as the user gave it (flag, environment or default); the document names it without
 *                user name, password, path parameters, query or fragment ({@link UriRedaction#server})
 */
record ExportSummary(Path file, long media, String dataset, String baseUrl) {

    /** @return the document's keys in order, as {@link JsonSummary} writes them */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "exported");
        json.put("exit_code", 0);
        json.put("file", file.toString());
        json.put("media", media);
        json.put("dataset_id", dataset);
        json.put("base_url", UriRedaction.server(baseUrl));
        return json;
    }
}
