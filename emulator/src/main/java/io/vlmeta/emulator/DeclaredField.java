package io.vlmeta.emulator;

/** A declared field with its values and the one upload task its declaration opened. */
record DeclaredField(FieldDefinition definition, FieldStore store, UploadTask task) {
}
