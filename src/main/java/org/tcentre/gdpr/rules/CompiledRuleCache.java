package org.tcentre.gdpr.rules;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Keeps compiled rule packages on disk, keyed by the rule set's content hash and the checker's own build, so
 * that a command-line run on an unchanged rule set deserialises the rules instead of compiling them again
 * (compiling is most of a cold run's cost). A cache entry that cannot be read is ignored and rewritten: the
 * cache can only make a run faster, never change its result.
 *
 * <p>The directory is created private to the user (rwx------): entries are Java-serialised, so only the user's
 * own processes may write them.
 */
final class CompiledRuleCache {

    private final Path directory;

    CompiledRuleCache(Path directory) {
        this.directory = directory;
    }

    /** The rule base for this key, or {@code null} when there is no usable entry. */
    KieBase read(String key) {
        Path entry = directory.resolve(key + ".kbase");
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (InputStream file = new BufferedInputStream(Files.newInputStream(entry));
             ObjectInputStream in = new DroolsObjectInputStream(file, CompiledRuleCache.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) in.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(packages.stream().map(p -> (org.drools.base.definitions.InternalKnowledgePackage) p).toList());
            return kieBase;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Stores the compiled packages; a failure to write only costs the next run a compilation. */
    void write(String key, Collection<KiePackage> packages) {
        try {
            createPrivateDirectory();
            Path temporary = Files.createTempFile(directory, key, ".tmp");
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary));
                 ObjectOutputStream out = new DroolsObjectOutputStream(file)) {
                out.writeObject(new ArrayList<>(packages));
            }
            try {
                Files.move(temporary, directory.resolve(key + ".kbase"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, directory.resolve(key + ".kbase"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // A cache is an optimisation: an unwritable one is the same as none.
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }
}
