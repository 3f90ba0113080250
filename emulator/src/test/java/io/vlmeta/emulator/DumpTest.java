package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DumpTest {

    @Test
    void theDumpShowsDatasetsMediaFieldsTasksAndValues() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).build())) {
            emulator.addDataset("ds", List.of("a.jpg", "b.jpg"));
            emulator.addDataset("idle", List.of());
            emulator.setDatasetStatus("idle", "NEW");
            ApiClient api = new ApiClient(emulator);
            String a = emulator.mediaId("ds", "a.jpg");
            String b = emulator.mediaId("ds", "b.jpg");
            String task = api.declare("ds", "{\"field_name\": \"tags\", \"field_type\": \"enum\", \"enum_options\":"
                    + " [\"x\", \"y\"], \"is_multi\": true}");
            api.uploadTo("ds", task, "[{\"media_id\": \"" + b + "\", \"value\": [\"y\", \"x\"]},"
                    + " {\"media_id\": \"" + a + "\", \"value\": [\"z\"]}]");

            String dump = emulator.dumpJson();

            assertThat(Jsons.read(dump)).isEqualTo(Jsons.read("{\"datasets\": ["
                    + "{\"id\": \"ds\", \"status\": \"READY\", \"media\": ["
                    + "  {\"media_id\": \"" + a + "\", \"filename\": \"a.jpg\"},"
                    + "  {\"media_id\": \"" + b + "\", \"filename\": \"b.jpg\"}],"
                    + " \"fields\": [{\"field_name\": \"tags\", \"field_type\": \"enum\", \"is_multi\": true,"
                    + "  \"enum_options\": [\"x\", \"y\"],"
                    + "  \"task\": {\"task_id\": \"" + task + "\", \"status\": \"IN_PROGRESS\", \"progress\": 0.0,"
                    + "   \"inserted_rows\": 1, \"error_count\": 1, \"sample_errors\": [{\"reason\":"
                    + "   \"Value 'z' is not one of the declared enum options\", \"row_index\": 1}]},"
                    + "  \"values\": {\"" + b + "\": [\"y\", \"x\"]}}]},"
                    + "{\"id\": \"idle\", \"status\": \"NEW\", \"media\": [], \"fields\": []}]}"));
            assertThat(Jsons.read(api.status("ds", task).body()).get("status").asText())
                    .as("dumping is not a poll, so the first real poll completes")
                    .isEqualTo("COMPLETED_WITH_ERRORS");
        }
    }
}
