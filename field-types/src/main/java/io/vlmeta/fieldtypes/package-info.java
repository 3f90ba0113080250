/**
 * The six built-in field types: {@code string}, {@code float}, {@code datetime}, {@code enum},
 * {@code multi-enum} and {@code link}, as docs/field-types.md specifies them. Each handler owns
 * what it accepts, the JSON value it sends and the message of each refusal; enum and multi-enum
 * also own the whole-column limits through their accumulator.
 */
package io.vlmeta.fieldtypes;
