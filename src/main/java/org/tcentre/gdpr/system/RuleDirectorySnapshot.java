package org.tcentre.gdpr.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of the rules directory, taken before a reload reads it. Loading, hashing and testing one directory
 * that someone is editing (a save, a {@code git pull}) could otherwise mix files from before and after the edit and
 * put in service a rule set whose recorded SHA-256 is not the content that was compiled and tested. The copy is
 * what the reload compiles, hashes and tests; a change made while it runs is the next reload's.
 */
final class RuleDirectorySnapshot implements AutoCloseable {

    private final Path copy;

    private RuleDirectorySnapshot(Path copy) {
        this.copy = copy;
    }

    static RuleDirectorySnapshot of(Path directory) {
        try {
            Path copy = Files.createTempDirectory("gdpr-rules-");
            if (Files.isDirectory(directory)) {
                try (Stream<Path> walk = Files.walk(directory)) {
                    for (Path source : walk.toList()) {
                        Path target = copy.resolve(directory.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else if (Files.isRegularFile(source)) {
                            Files.write(target, Files.readAllBytes(source));
                        }
                    }
                }
            }
            return new RuleDirectorySnapshot(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the rules directory " + directory + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return copy;
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary copy left behind is harmless; the next reload makes its own.
        }
    }
}
