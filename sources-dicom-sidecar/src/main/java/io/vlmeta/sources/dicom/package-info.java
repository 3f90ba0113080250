/**
 * The {@code dicom-sidecar} source: DICOM headers kept beside converted images, read as typed metadata.
 *
 * <p>Three inputs: DICOM JSON Model sidecars (PS3.18 Annex F), flat keyword sidecars (BIDS style, as
 * dcm2niix writes them), and Visual Layer's DICOM converter CSV. Values are typed by their VR, never by
 * guessing: DA and DT become date-times, TM the text {@code HH:MM:SS[.ffffff]}, numbers keep the digits
 * the file held, CS values are options, PN keeps every name group ({@code Yamada^Tarou=山田^太郎}).
 * A multi-valued number (PixelSpacing, ImageOrientationPatient) is a fixed-length vector, not one float
 * nor a set of options, so it travels as DICOM's own text {@code 0.661468\0.661468}, suggested as a
 * string. Sequences and binary data are skipped, with one warning for the whole input. Columns of the
 * basic de-identification profile (PS3.15 Table E.1-1) and private attributes are marked sensitive.
 *
 * <p>A JSON Model sidecar may also be a DICOMweb metadata response (PS3.18 section F.2, a JSON array with
 * one dataset per instance): one instance is the sidecar's image; several need option {@code sidecar-key}
 * to say which attribute names each image. JSON is read strictly, except for the comma dcmtk 3.6.7's
 * dcm2json leaves before the closing brace of a compressed image's file; binary values written inline
 * are never read into memory. A sidecar that cannot be read is an error naming the file and why.
 */
package io.vlmeta.sources.dicom;
