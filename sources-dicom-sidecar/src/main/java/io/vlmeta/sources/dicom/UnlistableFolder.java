package io.vlmeta.sources.dicom;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The refusal of a sidecar folder that could not be listed, in {@link FileFaults}' words, as every file and folder
 * vlmeta reads is refused. A walk may fail deep below the folder given, so the folder named is the one the
 * failure names.
 */
final class UnlistableFolder {
    private UnlistableFolder() {
    }

    /**
     * @param folder  the folder whose walk failed, named when the failure names no path
     * @param failure what listing threw
     * @return an input that cannot be read, e.g. {@code Folder /data/locked cannot be listed (no permission).}
     */
    static VlmetaException refusal(Path folder, IOException failure) {
        Path where = failure instanceof FileSystemException fileSystem && fileSystem.getFile() != null
                ? Path.of(fileSystem.getFile()) : folder;
        return FileFaults.unlistableInput(where, where.toString(), failure);
    }
}
