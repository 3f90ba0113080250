package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryCountsTest {

    @Test
    void drawsTheThirtyMostFrequentAndFoldsTheRestIntoOthers() {
        CategoryCounts counts = new CategoryCounts(CategoryCounts.Unit.VALUE);
        for (int option = 0; option < 40; option++) {
            for (int n = 0; n <= option; n++) {
                counts.add(String.format("opt%02d", option));
            }
        }

        StatisticsView.Categories view = (StatisticsView.Categories) counts.view();

        assertThat(view.total()).isEqualTo(820);
        assertThat(view.distinct()).isEqualTo(40);
        assertThat(view.top()).hasSize(30);
        assertThat(view.top().get(0)).isEqualTo(new StatisticsView.Bar("opt39", 40));
        assertThat(view.top().get(29)).isEqualTo(new StatisticsView.Bar("opt10", 11));
        // opt00..opt09 hold 1+2+...+10 values.
        assertThat(view.othersCount()).isEqualTo(55);
        assertThat(view.othersDistinct()).isEqualTo(10);
        assertThat(view.capped()).isFalse();
    }

    @Test
    void countsEachItemOfAMultiEnumList() {
        CategoryCounts counts = new CategoryCounts(CategoryCounts.Unit.VALUE);
        counts.add(List.of("outdoor", "sunny"));
        counts.add(List.of("sunny"));

        StatisticsView.Categories view = (StatisticsView.Categories) counts.view();

        assertThat(view.top()).containsExactly(new StatisticsView.Bar("sunny", 2), new StatisticsView.Bar("outdoor", 1));
        assertThat(view.total()).isEqualTo(3);
    }

    @Test
    void stopsTrackingNewLabelsPastTheBoundButStillCountsThem() {
        CategoryCounts counts = new CategoryCounts(CategoryCounts.Unit.VALUE);
        for (int i = 0; i < CategoryCounts.MAX_TRACKED + 500; i++) {
            counts.add("v" + i);
        }

        StatisticsView.Categories view = (StatisticsView.Categories) counts.view();

        assertThat(view.capped()).isTrue();
        assertThat(view.distinct()).isEqualTo(CategoryCounts.MAX_TRACKED);
        assertThat(view.total()).isEqualTo(CategoryCounts.MAX_TRACKED + 500);
        assertThat(view.othersCount()).isEqualTo(CategoryCounts.MAX_TRACKED + 500 - 30);
    }

    @Test
    void countsLinksByHost() {
        CategoryCounts counts = new CategoryCounts(CategoryCounts.Unit.HOST);
        counts.add("https://Docs.Example.com/a.pdf");
        counts.add("https://docs.example.com/b.pdf");
        counts.add("http://wiki.example.org/x");

        StatisticsView.Categories view = (StatisticsView.Categories) counts.view();

        assertThat(view.unit()).isEqualTo("host");
        assertThat(view.top()).containsExactly(new StatisticsView.Bar("docs.example.com", 2),
                new StatisticsView.Bar("wiki.example.org", 1));
    }
}
