package org.tcentre.gdpr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary directories that tests and benchmarks create for databases: an H2 file database of a
 * service test or a load benchmark grows to hundreds of megabytes, and left in /tmp they filled the disk of a
 * shared machine within a day.
 */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes the directory and everything under it; a file that cannot be deleted is left, not an error. */
    public static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // still open elsewhere, or already gone: the rest is removed all the same
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the directory vanished while it was walked: nothing left to remove
        }
    }
}
