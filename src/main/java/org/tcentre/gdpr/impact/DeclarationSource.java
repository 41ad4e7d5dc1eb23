package org.tcentre.gdpr.impact;

import java.io.IOException;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;

/**
 * Where the declarations of an impact preview come from: a folder of files, or the service's database. A source
 * hands declarations over one at a time as bytes ({@link #forEach}, on one thread: the I/O), and says how to read
 * them into the model ({@link #read}, called on the workers: the CPU work), so nothing holds them all at once.
 */
public interface DeclarationSource {

    /** How many declarations {@link #forEach} will hand over (for progress). */
    long count() throws IOException;

    /** Hands every declaration to {@code sink}, in a stable order. */
    void forEach(Sink sink) throws IOException, InterruptedException;

    /** Reads a declaration handed over by {@link #forEach}; thread-safe. */
    DeclarationDocument read(PendingDeclaration pending) throws InvalidDeclarationException;

    /** Which declarations these are, in words, for the report. */
    String description();

    /** Receives the declarations; may block while the workers catch up. */
    @FunctionalInterface
    interface Sink {
        void accept(PendingDeclaration pending) throws InterruptedException;
    }

    /**
     * A declaration handed over but not yet read.
     *
     * @param label      how errors and the report name it: the stored declaration's id, or the file's relative path
     * @param source     the file name it was submitted as (its extension decides the format)
     * @param format     "json" or "yaml" when known (stored declarations), otherwise {@code null}
     * @param bytes      its exact bytes, or {@code null} when they could not be loaded
     * @param sha256     the bytes' SHA-256 when already known (stored declarations), otherwise {@code null}
     * @param unreadable why the bytes could not be loaded, or {@code null}
     */
    record PendingDeclaration(String label, String source, String format, byte[] bytes, String sha256, String unreadable) {
    }
}
