package io.vlmeta.api;

/**
 * One line of the job's plan: which column becomes which field type, and why.
 *
 * @param column      the column (field) name
 * @param type        the field type name
 * @param reason      why: {@code "--float-fields"}, {@code "inferred: every value is a number"}, ...
 * @param declaration the declaration built by the validation pass; {@code null} before it
 * @since 0.1
 */
public record FieldPlan(String column, String type, String reason, FieldDeclaration declaration) {
}
