package io.vlmeta.api;

/**
 * Per-field counts from the validation pass.
 *
 * @param values    values accepted
 * @param empty     empty cells (nothing to upload)
 * @param invalid   values refused
 * @param unmatched accepted values whose key matched no media item (or several)
 * @since 0.1
 */
public record FieldCounts(long values, long empty, long invalid, long unmatched) {
}
