package org.tcentre.gdpr.impact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;

/**
 * Every {@code .json}, {@code .yaml} and {@code .yml} file below a folder (hidden files and folders skipped), in
 * path order. Files are not trusted: each is read and validated completely, as {@code check} does.
 */
public final class DeclarationFolder implements DeclarationSource {

    private final Path folder;
    private final DeclarationReader reader;
    private List<Path> files;

    public DeclarationFolder(Path folder, DeclarationReader reader) {
        this.folder = folder;
        this.reader = reader;
    }

    @Override
    public long count() throws IOException {
        return files().size();
    }

    @Override
    public void forEach(Sink sink) throws IOException, InterruptedException {
        for (Path file : files()) {
            String label = relative(file);
            byte[] bytes = null;
            String unreadable = null;
            try {
                if (Files.size(file) > reader.maxBytes()) {
                    unreadable = "the file is larger than the limit of " + reader.maxBytes() + " bytes";
                } else {
                    bytes = Files.readAllBytes(file);
                }
            } catch (IOException e) {
                unreadable = "the file cannot be read: " + e.getMessage();
            }
            sink.accept(new PendingDeclaration(label, file.getFileName().toString(), null, bytes, null, unreadable));
        }
    }

    @Override
    public DeclarationDocument read(PendingDeclaration pending) throws InvalidDeclarationException {
        return reader.read(pending.bytes(), pending.source());
    }

    @Override
    public String description() {
        return "every declaration file in " + folder;
    }

    private List<Path> files() throws IOException {
        if (files == null) {
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> isDeclaration(relative(f)))
                        .sorted((a, b) -> relative(a).compareTo(relative(b)))
                        .toList();
            }
        }
        return files;
    }

    private static boolean isDeclaration(String relative) {
        String name = relative.toLowerCase(Locale.ROOT);
        boolean hidden = name.startsWith(".") || name.contains("/.");
        return !hidden && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private String relative(Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
