package org.tcentre.gdpr.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Candidate rule sets for the impact tests, made from the shipped {@code rules/}: the change a privacy officer
 * would make, in three kinds: a rule removed (TRF-002), a rule's severity raised (LAW-006, MEDIUM to HIGH) and a
 * retention ceiling lowered (direct marketing, P3Y to P1Y, which PRIN-004 reads).
 */
public final class CandidateRules {

    private CandidateRules() {
    }

    /** A copy of {@code rules/} with the three changes, in {@code into}. */
    public static Path changed(Path into) {
        Path candidate = copy(Path.of("rules"), into);
        deleteTree(only(candidate.resolve("gdpr/p5-transfers"), "TRF-002-"));
        replace(only(candidate.resolve("gdpr/p2-lawfulness"), "LAW-006-").resolve("rule.drl"),
                "@severity(\"MEDIUM\")", "@severity(\"HIGH\")");
        replace(candidate.resolve("tables/retention-ceilings.csv"), ",direct-marketing,,P3Y,", ",direct-marketing,,P1Y,");
        return candidate;
    }

    /** A copy of {@code rules/} whose LAW-006 rule no longer compiles, at a known line. */
    public static Path broken(Path into) {
        Path candidate = copy(Path.of("rules"), into);
        replace(only(candidate.resolve("gdpr/p2-lawfulness"), "LAW-006-").resolve("rule.drl"), "when", "when (((");
        return candidate;
    }

    /** The folder's files as a zip archive, named relative to the folder. */
    public static byte[] zip(Path folder) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip archive of the given entries (name, content). */
    public static byte[] zip(List<String[]> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (String[] entry : entries) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Path copy(Path from, Path into) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = into.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path only(Path folder, String prefix) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " no longer contains " + from);
            }
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
