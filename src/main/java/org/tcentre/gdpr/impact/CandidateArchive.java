package org.tcentre.gdpr.impact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A candidate rule set uploaded as a zip archive, unpacked into a fresh temporary directory so that the rule-set
 * loader reads it like any other. The archive is untrusted: an entry that would land outside the directory
 * (zip slip: {@code ..}, an absolute path, a drive letter, a backslash) is refused, and so is an archive with more
 * than {@link #MAX_ENTRIES} files or more than {@link #MAX_UNPACKED_BYTES} once unpacked (counted as the bytes are
 * written, never trusted from the entry headers). Close it to delete the directory.
 */
public final class CandidateArchive implements AutoCloseable {

    /** The largest archive accepted, as uploaded. */
    public static final int MAX_ARCHIVE_BYTES = 10 * 1024 * 1024;
    public static final int MAX_ENTRIES = 2_000;
    public static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    private final Path root;
    private final Path ruleSet;

    private CandidateArchive(Path root, Path ruleSet) {
        this.root = root;
        this.ruleSet = ruleSet;
    }

    /** Why an archive is refused; {@code tooLarge} when a size or count limit was the reason. */
    public static final class InvalidArchiveException extends Exception {
        private final boolean tooLarge;

        public InvalidArchiveException(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** Unpacks the archive into a new temporary directory. */
    public static CandidateArchive unpack(InputStream zip) throws InvalidArchiveException, IOException {
        Path root = Files.createTempDirectory("gdpr-candidate-");
        try {
            int entries = 0;
            long unpacked = 0;
            try (ZipInputStream in = new ZipInputStream(zip)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (name.startsWith("__MACOSX/")) {
                        continue; // resource forks a Mac adds to archives it makes; never part of the rule set
                    }
                    Path target = safeTarget(root, name);
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    if (++entries > MAX_ENTRIES) {
                        throw new InvalidArchiveException("the archive holds more than " + MAX_ENTRIES + " files", true);
                    }
                    Files.createDirectories(target.getParent());
                    unpacked += copy(in, target, MAX_UNPACKED_BYTES - unpacked);
                }
            } catch (ZipException e) {
                throw new InvalidArchiveException("the upload is not a readable zip archive: " + e.getMessage(), false);
            }
            if (entries == 0) {
                throw new InvalidArchiveException("the upload is not a zip archive, or holds no files", false);
            }
            return new CandidateArchive(root, ruleSetDirectory(root));
        } catch (InvalidArchiveException | IOException | RuntimeException e) {
            delete(root);
            throw e;
        }
    }

    /** The rule-set directory: the archive's root, or its single top-level folder when that holds ruleset.yaml. */
    public Path ruleSet() {
        return ruleSet;
    }

    @Override
    public void close() {
        delete(root);
    }

    static Path safeTarget(Path root, String name) throws InvalidArchiveException {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0
                || Stream.of(name.split("/")).anyMatch(segment -> segment.equals(".."));
        Path target = root.resolve(name).normalize();
        if (unsafe || !target.startsWith(root) || target.equals(root)) {
            throw new InvalidArchiveException("the archive entry '" + name + "' points outside the rule-set directory", false);
        }
        return target;
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException, InvalidArchiveException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > budget) {
                    throw new InvalidArchiveException(String.format(Locale.ROOT,
                            "the archive unpacks to more than %d MB", MAX_UNPACKED_BYTES / (1024 * 1024)), true);
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static Path ruleSetDirectory(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("ruleset.yaml"))) {
            return root;
        }
        try (Stream<Path> top = Files.list(root)) {
            var folders = top.filter(Files::isDirectory).toList();
            if (folders.size() == 1 && Files.isRegularFile(folders.get(0).resolve("ruleset.yaml"))) {
                return folders.get(0);
            }
        }
        return root; // the loader says what is missing, with the file name
    }

    private static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is not worth failing a request for.
        }
    }
}
