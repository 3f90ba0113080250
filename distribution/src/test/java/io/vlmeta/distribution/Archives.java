package io.vlmeta.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The archives the build wrote into the distribution module's {@code target/}, and unpacking them the way
 * {@code unzip} and {@code tar} do: folders made as needed and each file's Unix mode (the executable bit of
 * the start script and of the runtime's {@code java}) kept, so a missing mode fails the tests as it would
 * fail a user.
 */
final class Archives {
    static final String VERSION = System.getProperty("vlmeta.version");
    static final Path DIR = Path.of(System.getProperty("vlmeta.distribution.dir"));

    private Archives() {
    }

    /** @return {@code target/vlmeta-VERSION} + the suffix, e.g. {@code .zip} or {@code -linux-x64.tar.gz} */
    static Path archive(String suffix) {
        return DIR.resolve("vlmeta-" + VERSION + suffix);
    }

    /** Unpacks a {@code .zip} or {@code .tar.gz} into {@code into}; @return the one top folder it holds */
    static Path unpack(Path archive, Path into) throws IOException {
        Files.createDirectories(into);
        if (archive.getFileName().toString().endsWith(".zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(into, entry, entry.getUnixMode(), in);
                    }
                }
            }
        } else {
            try (InputStream file = Files.newInputStream(archive);
                 ArchiveInputStream<TarArchiveEntry> tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    write(into, entry, entry.getMode(), tar);
                }
            }
        }
        try (var top = Files.list(into)) {
            return top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static void write(Path into, ArchiveEntry entry, int mode, InputStream content) throws IOException {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
            throw new IOException("entry outside the archive's folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(content, target);
        Files.setPosixFilePermissions(target, permissions(mode));
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
