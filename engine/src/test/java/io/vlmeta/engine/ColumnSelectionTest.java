package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.VlmetaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnSelectionTest {
    private static final List<String> COLUMNS = List.of("StudyDate", "StudyTime", "Modality", "PatientName",
            "PatientID", "Rows");

    @Test
    void selectsEverythingWhenNothingIsGiven() {
        assertThat(ColumnSelection.ALL.isAll()).isTrue();
        assertThat(COLUMNS).allMatch(ColumnSelection.ALL::selects);
        assertThat(ColumnSelection.ALL.whyLeftOut("Rows")).isEmpty();
    }

    @Test
    void includesOnlyWhatAnIncludeGlobMatches() {
        ColumnSelection selection = ColumnSelection.of(List.of("Study*", "Modality"), List.of());

        assertThat(COLUMNS.stream().filter(selection::selects)).containsExactly("StudyDate", "StudyTime", "Modality");
        assertThat(selection.whyLeftOut("Rows")).contains("not matched by --columns");
    }

    @Test
    void excludeWinsOverInclude() {
        ColumnSelection selection = ColumnSelection.of(List.of("Study*", "Patient*"), List.of("Patient*",
                "StudyTime"));

        assertThat(COLUMNS.stream().filter(selection::selects)).containsExactly("StudyDate");
        assertThat(selection.whyLeftOut("PatientID")).contains("excluded by --exclude-columns 'Patient*'");
        assertThat(selection.whyLeftOut("StudyTime")).contains("excluded by --exclude-columns 'StudyTime'");
    }

    @Test
    void refusesAGlobThatMatchesNoColumnSuggestingACloseName() {
        ColumnSelection typo = ColumnSelection.of(List.of("Modality", "Rowz"), List.of());
        ColumnSelection pattern = ColumnSelection.of(List.of(), List.of("Patient*", "Series*"));

        assertThatThrownBy(() -> typo.checkAgainst("scans/", COLUMNS)).isInstanceOf(VlmetaException.class)
                .hasMessage("--columns 'Rowz' matches no column of scans/; did you mean 'Rows'? Names are "
                        + "case-sensitive; its columns are: StudyDate, StudyTime, Modality, PatientName, PatientID, "
                        + "Rows.");
        assertThatThrownBy(() -> pattern.checkAgainst("scans/", COLUMNS)).isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("--exclude-columns 'Series*' matches no column of scans/. Names are");
    }
}
