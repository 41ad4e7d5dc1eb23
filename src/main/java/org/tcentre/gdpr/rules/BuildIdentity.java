package org.tcentre.gdpr.rules;

import org.tcentre.gdpr.declaration.Sha256;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Identifies this build of the checker (its jar or classes folder, by path, size and modification time), so
 * that compiled rules cached by one build are never loaded by another whose model classes may differ.
 * {@code null} when the build cannot be identified; then nothing is cached.
 */
final class BuildIdentity {

    static final String VALUE = compute();

    private BuildIdentity() {
    }

    private static String compute() {
        String version = String.valueOf(BuildIdentity.class.getPackage().getImplementationVersion());
        String location;
        try {
            String classPath = System.getProperty("java.class.path", "");
            // Run as "java -jar": the class path is the jar itself (its classes sit nested inside it).
            Path code = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                    ? Path.of(classPath)
                    : Path.of(BuildIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            location = code.toAbsolutePath() + "|" + Files.size(code) + "|" + Files.getLastModifiedTime(code).toMillis()
                    + "|" + (Files.isDirectory(code) ? Files.getLastModifiedTime(code.resolve(
                    BuildIdentity.class.getName().replace('.', '/') + ".class")).toMillis() : 0);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return Sha256.hex(version + "|" + location).substring(0, 16);
    }
}
