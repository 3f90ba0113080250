package io.vlmeta.engine;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.RecordSource;

import java.util.List;

/** A test source named data.csv whose rows hold a {@code score} and a {@code label} column. */
abstract class ScoreLabelSource implements RecordSource {
    @Override
    public String description() {
        return "data.csv";
    }

    @Override
    public String keyColumn() {
        return "file_fullpath";
    }

    @Override
    public List<ColumnInfo> columns() {
        return List.of(new ColumnInfo("score", null, false, null), new ColumnInfo("label", null, false, null));
    }

    @Override
    public void close() {
    }
}
