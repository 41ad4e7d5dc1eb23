package org.tcentre.gdpr.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads a rule set from a directory at run time (never from the jar): reads {@code ruleset.yaml},
 * {@code parameters.yaml} and the decision tables in {@code tables/} ({@link DecisionTables}), compiles every {@code .drl} file below it, and checks each rule's metadata.
 * Any problem, with file and line, fails the whole load, so a broken rule set can never be put in service.
 *
 * <p>Rule files stay readable because the loader gives each one the same standard imports (the declaration
 * model and the facts) and globals ({@code findings}, {@code params}, {@code today}: the evaluation date); it
 * adds them on the package line so line numbers in errors still match the file.
 */
public final class RuleSetLoader {

    static final String STANDARD_HEADER = " import org.tcentre.gdpr.declaration.*;"
            + " import org.tcentre.gdpr.evaluation.*;"
            + " import function org.tcentre.gdpr.rules.Text.blank;"
            + " global org.tcentre.gdpr.evaluation.Findings findings;"
            + " global org.tcentre.gdpr.rules.Parameters params;"
            + " global java.time.LocalDate today;";

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([A-Za-z_][\\w.]*)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final AtomicLong BUILDS = new AtomicLong();

    private final CompiledRuleCache cache;

    /** A loader that compiles every time: for the service and tests, which load once and keep the result. */
    public RuleSetLoader() {
        this.cache = null;
    }

    /**
     * A loader that keeps compiled rules in {@code cacheDirectory}, keyed by the rule set's content hash and
     * this build of the checker: for the command line, where compiling would dominate every run.
     */
    public RuleSetLoader(Path cacheDirectory) {
        this.cache = new CompiledRuleCache(cacheDirectory);
    }

    /** Loads and compiles the rule set in {@code directory}. */
    public RuleSet load(Path directory) throws RuleSetException {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(new RuleSetProblem(directory.toString(), null, null, "is not a rule-set directory"));
        }
        RuleSetManifest manifest = readManifest(directory);
        List<Path> files = files(directory);
        var identity = new RuleSetIdentity(manifest.name(), manifest.version(), contentHash(directory, files));
        String cacheKey = identity.sha256() + "-" + BuildIdentity.VALUE;
        boolean cached = cache != null && BuildIdentity.VALUE != null;
        // parameters.yaml and the decision tables in tables/ (compiled tables are cached like the rules)
        Parameters parameters = ParametersLoader.load(directory, cached ? cache : null, cacheKey);
        List<Path> drls = files.stream().filter(f -> f.toString().endsWith(".drl")).toList();
        if (drls.isEmpty()) {
            throw new RuleSetException(new RuleSetProblem(directory.toString(), null, null, "holds no .drl rule files"));
        }

        List<RuleSetProblem> problems = new ArrayList<>();
        Map<String, RuleLocation> locations = locateRules(directory, drls, problems);
        KieBase kieBase = cached && problems.isEmpty() ? cache.read(cacheKey) : null;
        boolean compiled = kieBase == null;
        if (compiled) {
            // Before anything compiles: a rule file may use only the declaration model and approved helpers. A cache
            // hit skips this: its key is the content hash and this build, and it was written only after these very
            // files passed the same check.
            for (Path drl : drls) {
                problems.addAll(RuleSafety.check(relative(directory, drl), read(drl)));
            }
            if (!problems.isEmpty()) {
                throw new RuleSetException(problems);
            }
            kieBase = compile(directory, drls);
        }

        List<RuleInfo> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleLocation location = locations.get(rule.getName());
                RuleInfo info = RuleMetadata.read(rule.getName(), rule.getMetaData(),
                        location == null ? "?" : location.file(), location == null ? null : location.line(), problems);
                if (info != null) {
                    rules.add(info);
                }
            }
        }
        checkProfiles(directory, manifest, rules, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        if (compiled && cached) {
            cache.write(cacheKey, kieBase.getKiePackages());
        }
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        return new RuleSet(identity, rules, parameters, kieBase, manifest.testDate(), manifest.disabled(),
                manifest.ruleProfiles());
    }

    private static KieBase compile(Path directory, List<Path> drls) throws RuleSetException {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.tcentre.gdpr.rules", "ruleset", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> sourceOf = new HashMap<>();
        for (Path drl : drls) {
            String relative = relative(directory, drl);
            String text = read(drl);
            Matcher pkg = PACKAGE.matcher(text);
            String packageName;
            String withHeader;
            if (pkg.find()) {
                packageName = pkg.group(1);
                withHeader = text.substring(0, pkg.end()) + (pkg.group(0).endsWith(";") ? "" : ";") + STANDARD_HEADER
                        + text.substring(pkg.end());
            } else {
                packageName = "gdpr";
                withHeader = "package gdpr;" + STANDARD_HEADER + " " + text;
            }
            // Drools wants a resource path that mirrors the package; flatten the folders into the file name.
            String resource = "src/main/resources/" + packageName.replace('.', '/') + "/"
                    + relative.replace('/', '_').replace('\\', '_');
            sourceOf.put(resource, relative);
            sourceOf.put(resource.substring("src/main/resources/".length()), relative);
            kfs.write(resource, withHeader);
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        List<RuleSetProblem> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (message.getText().contains("Parser returned a null Package")) {
                continue; // a consequence of the parse error already reported for the same file
            }
            problems.add(new RuleSetProblem(sourceOf.getOrDefault(message.getPath(), String.valueOf(message.getPath())),
                    message.getLine() > 0 ? message.getLine() : null,
                    message.getColumn() > 0 ? message.getColumn() : null,
                    message.getText().replaceAll("\\s+", " ").strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        KieBase kieBase = kie.newKieContainer(releaseId).getKieBase();
        // The KieBase keeps what it needs; dropping the module keeps repeated reloads from piling up.
        kie.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    record RuleLocation(String file, int line) {
    }

    /** Where each rule is declared; a rule id declared twice is a problem, wherever the copies are. */
    private static Map<String, RuleLocation> locateRules(Path directory, List<Path> drls, List<RuleSetProblem> problems) {
        Map<String, RuleLocation> locations = new LinkedHashMap<>();
        for (Path drl : drls) {
            String text = read(drl);
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                int line = lineOf(text, rule.start(1));
                var here = new RuleLocation(relative(directory, drl), line);
                RuleLocation earlier = locations.putIfAbsent(rule.group(1), here);
                if (earlier != null) {
                    problems.add(new RuleSetProblem(here.file(), line, null, "the rule id '" + rule.group(1)
                            + "' is already declared in " + earlier.file() + ":" + earlier.line()));
                }
            }
        }
        return locations;
    }

    /** Every rule id that ruleset.yaml names (disabled, or in a profile) must be a rule of the set. */
    private static void checkProfiles(Path directory, RuleSetManifest manifest, List<RuleInfo> rules,
                                      List<RuleSetProblem> problems) {
        var known = new java.util.HashSet<String>();
        rules.forEach(r -> known.add(r.id()));
        String text = read(directory.resolve(RuleSetManifest.FILE));
        List<String> named = new ArrayList<>(manifest.disabled());
        for (RuleProfile profile : manifest.ruleProfiles()) {
            named.addAll(profile.enable());
            named.addAll(profile.disable());
            named.addAll(profile.severity().keySet());
        }
        for (String id : new java.util.LinkedHashSet<>(named)) {
            if (!known.contains(id)) {
                Matcher at = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?![\\w-])").matcher(text);
                problems.add(new RuleSetProblem(RuleSetManifest.FILE, at.find() ? lineOf(text, at.start()) : null, null,
                        "names the rule '" + id + "', which the rule set does not have"));
            }
        }
    }

    private static RuleSetManifest readManifest(Path directory) throws RuleSetException {
        Path file = directory.resolve(RuleSetManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new RuleSetException(new RuleSetProblem(RuleSetManifest.FILE, null, null,
                    "the rule set has no " + RuleSetManifest.FILE + " naming it and its version"));
        }
        String text = read(file);
        try {
            return YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(text, RuleSetManifest.class);
        } catch (JacksonException e) {
            throw new RuleSetException(YamlFileProblems.of(RuleSetManifest.FILE, text, e));
        }
    }

    /**
     * The SHA-256 a rule set loaded from {@code directory} now would have, without compiling anything: how a
     * watcher tells an edit from a touch.
     */
    public static String contentHash(Path directory) {
        return contentHash(directory, files(directory));
    }

    /** SHA-256 over every file's relative path and bytes, in path order: the rule set's identity. */
    static String contentHash(Path directory, List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(relative(directory, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below the directory, hidden ones excepted, in a stable order. */
    static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !relative(directory, f).startsWith(".") && !relative(directory, f).contains("/."))
                    .sorted((a, b) -> relative(directory, a).compareTo(relative(directory, b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
