package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatHistogramTest {

    private static StatisticsView.Histogram histogramOf(List<Double> values) {
        FloatHistogram histogram = new FloatHistogram();
        values.forEach(v -> histogram.add(BigDecimal.valueOf(v)));
        return (StatisticsView.Histogram) histogram.view();
    }

    private static long bruteCount(List<Double> values, StatisticsView.Bin bin, boolean last) {
        return values.stream().filter(v -> v >= bin.from() && (last ? v <= bin.to() : v < bin.to())).count();
    }

    @Test
    void binCountsAreExactWhileTheRangeGrowsInBothDirections() {
        Random random = new Random(42);
        List<Double> values = new ArrayList<>();
        // Starts narrow, then values far below and far above force the bins to double many times.
        for (int i = 0; i < 20_000; i++) {
            double scale = i < 100 ? 1 : i < 5_000 ? 1_000 : 250_000;
            values.add(random.nextGaussian() * scale + (i % 3 == 0 ? -scale : scale));
        }
        StatisticsView.Histogram view = histogramOf(values);

        assertThat(view.count()).isEqualTo(20_000);
        assertThat(view.min()).isEqualTo(values.stream().mapToDouble(d -> d).min().orElseThrow());
        assertThat(view.max()).isEqualTo(values.stream().mapToDouble(d -> d).max().orElseThrow());
        assertThat(view.mean()).isCloseTo(values.stream().mapToDouble(d -> d).average().orElseThrow(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(view.bins()).hasSizeBetween(8, FloatHistogram.MAX_BARS);
        assertThat(view.bins().get(0).from()).isEqualTo(view.min());
        assertThat(view.bins().get(view.bins().size() - 1).to()).isEqualTo(view.max());
        for (int i = 0; i < view.bins().size(); i++) {
            StatisticsView.Bin bin = view.bins().get(i);
            boolean last = i == view.bins().size() - 1;
            assertThat(bin.count()).as("bin %s", bin).isEqualTo(bruteCount(values, bin, last));
            if (!last) {
                assertThat(view.bins().get(i + 1).from()).isEqualTo(bin.to());
            }
        }
        assertThat(view.bins().stream().mapToLong(StatisticsView.Bin::count).sum()).isEqualTo(20_000);
    }

    @Test
    void identicalValuesMakeOneBin() {
        StatisticsView.Histogram view = histogramOf(List.of(2.5, 2.5, 2.5));

        assertThat(view.bins()).containsExactly(new StatisticsView.Bin(2.5, 2.5, 3));
        assertThat(view.mean()).isEqualTo(2.5);
    }

    @Test
    void repeatedFirstValueIsCountedOnceTheRangeStarts() {
        StatisticsView.Histogram view = histogramOf(List.of(1.0, 1.0, 1.0, 1.0, 3.0));

        assertThat(view.bins().stream().mapToLong(StatisticsView.Bin::count).sum()).isEqualTo(5);
        assertThat(view.bins().get(0).count()).isEqualTo(4);
        assertThat(view.bins().get(view.bins().size() - 1).count()).isEqualTo(1);
    }

    @Test
    void countsDecimalsBeyondDoubleRangeWithoutBinningThem() {
        FloatHistogram histogram = new FloatHistogram();
        histogram.add(new BigDecimal("1e400"));
        histogram.add(new BigDecimal("0.5"));

        StatisticsView.Histogram view = (StatisticsView.Histogram) histogram.view();

        assertThat(view.outOfRange()).isEqualTo(1);
        assertThat(view.count()).isEqualTo(1);
        assertThat(view.bins()).containsExactly(new StatisticsView.Bin(0.5, 0.5, 1));
    }

    @Test
    void anEmptyFieldHasNoBins() {
        assertThat(histogramOf(List.of()).bins()).isEmpty();
    }
}
