package io.vlmeta.benchmarks;

import java.io.IOException;

/** Writes generated rows to one metadata file, header first. */
public interface DatasetWriter extends AutoCloseable {

    /**
     * @param row the next row
     * @throws IOException when the file cannot be written
     */
    void write(MetadataRow row) throws IOException;

    /** Finishes the file. */
    @Override
    void close() throws IOException;
}
