package io.vlmeta.sources.dicom;

/** A pass over an input's rows, in the same order every time it is opened. */
interface SidecarRows extends AutoCloseable {

    /** @return the next row, or {@code null} at the end */
    SidecarRow next();

    /** Attribute columns are listed in tag order (sidecars) rather than in input order (a CSV header). */
    boolean columnsInTagOrder();

    @Override
    void close();
}
