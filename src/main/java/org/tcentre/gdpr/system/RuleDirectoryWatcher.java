package org.tcentre.gdpr.system;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tcentre.gdpr.rules.RuleSetException;

/**
 * Watches the rule-set directory ({@code gdpr.rules}) and reloads when its files change, so a privacy officer's
 * edit goes into service without a redeploy or a call to the reload endpoint.
 *
 * <p>Edits come in bursts (an editor's save, a {@code git pull} touching many files), so the watcher waits until the
 * directory has been quiet for {@code gdpr.watch-quiet-period} (default 2 s) and then reloads once. The reload itself
 * is {@link ActiveRuleSet#reload}: compile, run the rule tests, swap only if both pass, audit either way, and do
 * nothing when the content is what is already in service. A rejected edit is logged and audited; the next edit tries
 * again. Off with {@code gdpr.watch-rules=false}.
 */
@Component
class RuleDirectoryWatcher implements SmartLifecycle {

    static final String ACTOR = "rules-watcher";
    private static final Logger LOG = LoggerFactory.getLogger(RuleDirectoryWatcher.class);

    private final ActiveRuleSet ruleSet;
    private final Path directory;
    private final boolean enabled;
    private final Duration quietPeriod;
    private volatile WatchService watcher;
    private volatile Thread thread;

    RuleDirectoryWatcher(ActiveRuleSet ruleSet, ServiceProperties properties,
                         @Value("${gdpr.watch-rules:true}") boolean enabled,
                         @Value("${gdpr.watch-quiet-period:2s}") Duration quietPeriod) {
        this.ruleSet = ruleSet;
        this.directory = properties.rules().toAbsolutePath().normalize();
        this.enabled = enabled;
        this.quietPeriod = quietPeriod;
    }

    @Override
    public void start() {
        if (!enabled || thread != null) {
            return;
        }
        try {
            watcher = directory.getFileSystem().newWatchService();
            registerTree(directory);
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for changes ({}); reload with POST /api/v1/rules/reload", directory, e.getMessage());
            return;
        }
        thread = new Thread(this::watch, "rules-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for rule-set changes", directory);
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void watch() {
        while (thread != null) {
            try {
                WatchKey first = watcher.take();
                drain(first);
                // Wait for the burst to end: keep draining until nothing has changed for the quiet period.
                WatchKey next;
                while ((next = watcher.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(next);
                }
                reload();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Whatever went wrong with one change, keep watching for the next.
                LOG.error("Watching {} failed once; still watching", directory, e);
            }
        }
    }

    private void reload() {
        try {
            ActiveRuleSet.Reload reload = ruleSet.reload(ACTOR);
            if (reload.changed()) {
                LOG.info("Rule-set change in {} is now in service (rule tests: {})", directory, reload.tests());
            }
        } catch (RuleSetException e) {
            LOG.warn("Rule-set change in {} refused; the rule set in service stays:\n  {}", directory,
                    String.join("\n  ", e.problems().stream().limit(20).map(Object::toString).toList()));
        } catch (RuntimeException e) {
            LOG.error("Reloading {} failed; the rule set in service stays", directory, e);
        }
    }

    /** Takes a key's events, watching directories created inside the tree too. */
    private void drain(WatchKey key) {
        Path parent = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(parent.resolve(name))) {
                try {
                    registerTree(parent.resolve(name));
                } catch (IOException e) {
                    LOG.warn("Cannot watch new directory {}: {}", parent.resolve(name), e.getMessage());
                }
            }
        }
        key.reset();
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE, OVERFLOW);
            }
        }
    }
}
