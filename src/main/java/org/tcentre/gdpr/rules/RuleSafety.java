package org.tcentre.gdpr.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static check that keeps rule files to the declaration model and approved helpers. A rule file is code that
 * runs inside the service, so a file edited by anyone who can write the rule directory must not be a way to run
 * a process, read a file, open a connection, start a thread or reach the engine's internals.
 *
 * <p>The check reads the DRL text as the rule compiler and the Java compiler would, with comments and string
 * literals set aside, and then:
 * <ul>
 *   <li>allows {@code import}s and fully-qualified names only from an allowlist: the declaration model, the
 *       facts, the approved helpers, and value types from {@code java.lang}, {@code java.util},
 *       {@code java.time}, {@code java.util.stream}, {@code java.util.function} and {@code java.math};</li>
 *   <li>refuses names that need no import (the whole of {@code java.lang} is visible to a rule), such as
 *       {@code System}, {@code Runtime}, {@code Class} or {@code Thread}, and the methods that open reflection,
 *       class loading, the process or the engine ({@code getClass}, {@code forName}, {@code exit},
 *       {@code getKieRuntime}, ...), wherever they appear;</li>
 *   <li>refuses {@code global} declarations (the loader adds the only three), {@code dialect "mvel"}, entry
 *       points, timers, and lexical tricks that could show this check something other than what the compilers
 *       see: unicode escapes, text blocks and {@code #}.</li>
 * </ul>
 * It is deliberately strict: a rule that needs something new gets it by a reviewed change to this class (an
 * approved helper in {@code org.tcentre.gdpr.rules}), never by an import in a rule file.
 */
public final class RuleSafety {

    static final String MODEL_ONLY = "rules may only use the declaration model and approved helpers";

    /** Packages whose every class a rule may name (by import, wildcard import or fully-qualified name). */
    static final Set<String> APPROVED_PACKAGES = Set.of(
            "org.tcentre.gdpr.declaration", "org.tcentre.gdpr.evaluation",
            "java.time", "java.time.format", "java.time.temporal",
            "java.util.stream", "java.util.function", "java.math");

    /** Single classes a rule may name; nested classes of these come with them. */
    static final Set<String> APPROVED_CLASSES = Set.of(
            // approved helpers
            "org.tcentre.gdpr.rules.Text", "org.tcentre.gdpr.rules.Parameters", "org.tcentre.gdpr.rules.RetentionCeiling",
            "org.tcentre.gdpr.rules.Severity", "org.tcentre.gdpr.rules.PracticeArea",
            // value types of java.lang (the rest of java.lang is visible too, but only under its simple name)
            "java.lang.String", "java.lang.StringBuilder", "java.lang.CharSequence", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float",
            "java.lang.Boolean", "java.lang.Character", "java.lang.Number", "java.lang.Math", "java.lang.Object",
            "java.lang.Comparable", "java.lang.Iterable", "java.lang.Enum",
            // collections and small values of java.util, one by one: the package also holds Timer, ServiceLoader
            // and ResourceBundle, which start threads or load classes by name
            "java.util.List", "java.util.ArrayList", "java.util.LinkedList", "java.util.Map", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.SortedMap", "java.util.NavigableMap",
            "java.util.EnumMap", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.SortedSet", "java.util.NavigableSet", "java.util.EnumSet", "java.util.Collection",
            "java.util.Collections", "java.util.Arrays", "java.util.Iterator", "java.util.ListIterator",
            "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble",
            "java.util.Objects", "java.util.Comparator", "java.util.Deque", "java.util.ArrayDeque", "java.util.Queue",
            "java.util.PriorityQueue", "java.util.StringJoiner", "java.util.Locale", "java.util.UUID",
            "java.util.regex.Pattern", "java.util.regex.Matcher");

    /** The classes whose static methods a rule may import with {@code import function}. */
    static final Set<String> FUNCTION_HELPERS = Set.of("org.tcentre.gdpr.rules.Text");

    /**
     * Names a rule may not use even though they need no import: all of {@code java.lang} is visible, and the
     * wildcard imports the loader adds bring the whole declaration and evaluation packages, machinery included.
     * The other types are refused by name as well, in case a path around the import allowlist is ever found.
     */
    static final Map<String, String> REFUSED_TYPES = Map.ofEntries(
            type("java.lang.System"), type("java.lang.Runtime"), type("java.lang.Process"),
            type("java.lang.ProcessBuilder"), type("java.lang.ProcessHandle"), type("java.lang.Class"),
            type("java.lang.ClassLoader"), type("java.lang.ClassValue"), type("java.lang.Thread"),
            type("java.lang.ThreadGroup"), type("java.lang.ThreadLocal"), type("java.lang.InheritableThreadLocal"),
            type("java.lang.Module"), type("java.lang.ModuleLayer"), type("java.lang.Package"),
            type("java.lang.SecurityManager"), type("java.lang.StackWalker"), type("java.lang.Compiler"),
            type("java.lang.reflect.Method"), type("java.lang.reflect.Field"), type("java.lang.reflect.Constructor"),
            type("java.lang.reflect.Proxy"), type("java.lang.reflect.InvocationHandler"),
            type("java.lang.invoke.MethodHandles"), type("java.lang.invoke.MethodHandle"),
            type("java.lang.invoke.MethodType"), type("java.lang.invoke.VarHandle"),
            type("java.io.File"), type("java.io.FileInputStream"), type("java.io.FileOutputStream"),
            type("java.io.FileReader"), type("java.io.FileWriter"), type("java.io.RandomAccessFile"),
            type("java.io.ObjectInputStream"), type("java.io.ObjectOutputStream"),
            type("java.nio.file.Files"), type("java.nio.file.Path"), type("java.nio.file.Paths"),
            type("java.nio.file.FileSystem"), type("java.nio.file.FileSystems"),
            type("java.net.Socket"), type("java.net.ServerSocket"), type("java.net.DatagramSocket"),
            type("java.net.URL"), type("java.net.URI"), type("java.net.URLConnection"),
            type("java.net.HttpURLConnection"), type("java.net.InetAddress"), type("java.net.URLClassLoader"),
            type("java.net.http.HttpClient"),
            type("java.util.Timer"), type("java.util.TimerTask"), type("java.util.ServiceLoader"),
            type("java.util.ResourceBundle"), type("java.util.Scanner"),
            type("java.util.concurrent.Executors"), type("java.util.concurrent.Executor"),
            type("java.util.concurrent.ExecutorService"), type("java.util.concurrent.ScheduledExecutorService"),
            type("java.util.concurrent.ForkJoinPool"), type("java.util.concurrent.CompletableFuture"),
            type("javax.script.ScriptEngine"), type("javax.script.ScriptEngineManager"),
            type("sun.misc.Unsafe"), type("javax.naming.InitialContext"), type("javax.naming.directory.DirContext"),
            // public classes of the model packages that are machinery, not model: they read files and run checks
            type("org.tcentre.gdpr.declaration.DeclarationReader"), type("org.tcentre.gdpr.declaration.DeclarationDocument"),
            type("org.tcentre.gdpr.declaration.PointerLocator"), type("org.tcentre.gdpr.declaration.Sha256"),
            type("org.tcentre.gdpr.evaluation.DeclarationCheck"), type("org.tcentre.gdpr.evaluation.WaiverFile"));

    /** Methods and members a rule may not call, on whatever object, with what they open. */
    static final Map<String, String> REFUSED_MEMBERS = Map.ofEntries(
            member("getClass", "reflection"), member("getDeclaringClass", "reflection"),
            member("forName", "class loading"), member("getClassLoader", "class loading"),
            member("getContextClassLoader", "class loading"), member("getSystemClassLoader", "class loading"),
            member("getPlatformClassLoader", "class loading"), member("loadClass", "class loading"),
            member("defineClass", "class loading"), member("newInstance", "reflection"),
            member("getMethod", "reflection"), member("getMethods", "reflection"),
            member("getDeclaredMethod", "reflection"), member("getDeclaredMethods", "reflection"),
            member("getField", "reflection"), member("getFields", "reflection"),
            member("getDeclaredField", "reflection"), member("getDeclaredFields", "reflection"),
            member("getConstructor", "reflection"), member("getConstructors", "reflection"),
            member("getDeclaredConstructor", "reflection"), member("getDeclaredConstructors", "reflection"),
            member("setAccessible", "reflection"), member("trySetAccessible", "reflection"),
            member("invoke", "reflection"), member("invokeExact", "reflection"),
            member("invokeWithArguments", "reflection"), member("privateLookupIn", "reflection"),
            member("getModule", "reflection"), member("getProtectionDomain", "reflection"),
            member("getResource", "class loading"), member("getResourceAsStream", "class loading"),
            member("getUnsafe", "memory access"), member("readObject", "deserialization"),
            member("exec", "processes"), member("exit", "stopping the service"), member("halt", "stopping the service"),
            member("getRuntime", "processes"), member("getenv", "the environment"),
            member("getProperties", "system properties"), member("setProperty", "system properties"),
            member("getInteger", "system properties"), member("getLong", "system properties"),
            member("getBoolean", "system properties"), member("setDefault", "global defaults"),
            member("parallel", "threads"), member("parallelStream", "threads"), member("parallelSort", "threads"),
            member("parallelSetAll", "threads"), member("parallelPrefix", "threads"),
            member("wait", "threads"), member("notify", "threads"), member("notifyAll", "threads"),
            member("getKieRuntime", "engine internals"), member("getKnowledgeRuntime", "engine internals"),
            member("getWorkingMemory", "engine internals"), member("getKieBase", "engine internals"),
            member("getKnowledgeBase", "engine internals"), member("getKieSession", "engine internals"),
            member("getEntryPoint", "engine internals"), member("getEntryPoints", "engine internals"),
            member("getChannels", "engine internals"));

    /** First segments of the packages of Java and the libraries on the class path. */
    static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "tools", "jakarta", "ch", "picocli", "reactor", "kotlin", "groovy", "scala", "lombok", "mvel", "edu", "de");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");
    private static final Set<String> IMPORT_FORMS = Set.of("function", "static", "accumulate");
    private static final Set<String> ATTRIBUTES_WITH_THREADS = Set.of("timer", "duration", "calendars");

    private RuleSafety() {
    }

    /**
     * The problems that make {@code drlText} unsafe to load, each located in {@code file} (the path shown to the
     * user, relative to the rule-set directory); at most one per line, in line order. Empty when the text uses
     * only what rules may use. The text need not compile: a rule file with a syntax error gets the compiler's
     * message as well.
     */
    public static List<RuleSetProblem> check(String file, String drlText) {
        var scan = new Scan(file, drlText);
        scan.unicodeEscapes();
        scan.tokens(new Lexer(drlText, scan).tokens());
        return scan.problems();
    }

    private static Map.Entry<String, String> type(String qualifiedName) {
        return Map.entry(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1), qualifiedName);
    }

    private static Map.Entry<String, String> member(String name, String what) {
        return Map.entry(name, what);
    }

    enum Kind { NAME, DOT, STRING, OTHER }

    /** A token of the rule text: a name (identifier-ignorable characters removed), a dot, a string, or a symbol. */
    record Token(Kind kind, String text, int start) {

        boolean is(Kind kind, String text) {
            return this.kind == kind && this.text.equals(text);
        }
    }

    /**
     * Splits DRL text into tokens the way both the rule parser and the Java compiler do: line comments end at
     * either line terminator, block comments do not nest, strings may be double- or single-quoted.
     */
    static final class Lexer {

        private final String text;
        private final Scan scan;
        private final List<Token> tokens = new ArrayList<>();

        Lexer(String text, Scan scan) {
            this.text = text;
            this.scan = scan;
        }

        List<Token> tokens() {
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || invisible(c)) {
                    i++;
                } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                        i++;
                    }
                } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                    int end = text.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                    scan.problem(i, "uses a text block (\"\"\"), which rules may not use"
                            + " (write an ordinary string; a text block reads differently to the rule parser and to Java)");
                    int end = text.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? n : end + 3;
                } else if (c == '"' || c == '\'') {
                    i = string(i, c);
                } else if (c == '#') {
                    scan.problem(i, "uses #, which rules may not use (the rule parser may read it as the start of a"
                            + " comment where Java does not; write // for a comment)");
                    i++;
                } else if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
                        : Character.isJavaIdentifierStart(c)) {
                    i = name(i);
                } else if (c >= '0' && c <= '9') {
                    i = number(i);
                } else {
                    tokens.add(new Token(c == '.' ? Kind.DOT : Kind.OTHER, String.valueOf(c), i));
                    i++;
                }
            }
            return tokens;
        }

        /**
         * Characters no compiler reads as part of a name or a symbol (other spaces, format and control characters):
         * skipped like spaces, so that they cannot split {@code java.io.File} into parts this check would not join.
         */
        private static boolean invisible(char c) {
            return c < 128 ? (c <= 8 || (c >= 14 && c <= 31) || c == 127)
                    : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isIdentifierIgnorable(c);
        }

        private int string(int start, char quote) {
            int i = start + 1;
            while (i < text.length() && text.charAt(i) != quote) {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            tokens.add(new Token(Kind.STRING, text.substring(start + 1, Math.min(i, text.length())), start));
            return i + 1;
        }

        private int name(int start) {
            int i = start;
            boolean ignorable = false;
            while (i < text.length() && identifierPart(text.charAt(i))) {
                char c = text.charAt(i);
                ignorable |= (c < ' ' || c >= 127) && Character.isIdentifierIgnorable(c);
                i++;
            }
            String name = text.substring(start, i);
            if (ignorable) {
                // Java ignores these inside identifiers (JLS 3.8): "Sys", U+200B, "tem" is System to the compiler.
                StringBuilder visible = new StringBuilder();
                name.chars().filter(c -> !Character.isIdentifierIgnorable(c)).forEach(c -> visible.append((char) c));
                name = visible.toString();
            }
            tokens.add(new Token(Kind.NAME, name, start));
            return i;
        }

        private static boolean identifierPart(char c) {
            if (c < 128) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'
                        || (c <= 8) || (c >= 14 && c <= 27) || c == 127; // ASCII controls Java ignores in names
            }
            return Character.isJavaIdentifierPart(c);
        }

        /** A number, including a decimal point only when a digit follows, so {@code 1.getClass} still shows its name. */
        private int number(int start) {
            int i = start;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c) || c == '_'
                        || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                    i++;
                } else {
                    break;
                }
            }
            tokens.add(new Token(Kind.OTHER, text.substring(start, i), start));
            return i;
        }
    }

    /** The problems found in one file, located by line and column. */
    static final class Scan {

        private record Found(int offset, String message) {
        }

        private final String file;
        private final String text;
        private final List<Found> found = new ArrayList<>();

        Scan(String file, String text) {
            this.file = file;
            this.text = text;
        }

        void problem(int offset, String message) {
            found.add(new Found(offset, message));
        }

        /** Java decodes these before anything else, even in comments and strings, so they could hide any code. */
        void unicodeEscapes() {
            Matcher escape = UNICODE_ESCAPE.matcher(text);
            while (escape.find()) {
                problem(escape.start(), "uses the unicode escape " + escape.group() + ", which rules may not use"
                        + " (it can hide code from this check; write the character itself)");
            }
        }

        void tokens(List<Token> tokens) {
            boolean[] done = new boolean[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.kind() != Kind.NAME || done[i]) {
                    continue;
                }
                boolean afterDot = i > 0 && tokens.get(i - 1).kind() == Kind.DOT;
                if (!afterDot && token.text().equals("import")) {
                    importStatement(tokens, i, done);
                } else if (!afterDot && token.text().equals("package")) {
                    packageStatement(tokens, i, done);
                } else if (!afterDot) {
                    chain(tokens, i, done);
                }
                if (!done[i]) {
                    name(tokens, i, afterDot);
                }
            }
        }

        private void importStatement(List<Token> tokens, int at, boolean[] done) {
            done[at] = true;
            int i = at + 1;
            String form = "";
            if (i < tokens.size() && tokens.get(i).kind() == Kind.NAME
                    && IMPORT_FORMS.contains(tokens.get(i).text())) {
                form = tokens.get(i).text();
                done[i] = true;
                i++;
            }
            int first = i;
            List<String> segments = segments(tokens, i);
            if (segments.isEmpty()) {
                return; // not an import statement the rule compiler accepts either
            }
            int end = first + 2 * segments.size() - 1;
            boolean wildcard = end + 1 < tokens.size() && tokens.get(end).kind() == Kind.DOT
                    && tokens.get(end + 1).is(Kind.OTHER, "*");
            String name = String.join(".", segments) + (wildcard ? ".*" : "");
            int offset = tokens.get(at).start();
            boolean allowed;
            if (form.equals("accumulate")) {
                problem(offset, "imports the accumulate function " + name + ", which rules may not import"
                        + " (rules may use the engine's built-in accumulate functions only)");
                allowed = false;
            } else if (!form.isEmpty()) {
                String owner = String.join(".", segments.subList(0, segments.size() - (wildcard ? 0 : 1)));
                allowed = FUNCTION_HELPERS.contains(owner);
                if (!allowed) {
                    problem(offset, "imports the function " + name + ", which rules may not import"
                            + " (rules may import functions only from the approved helpers: "
                            + String.join(", ", FUNCTION_HELPERS.stream().sorted().toList()) + ")");
                }
            } else {
                allowed = wildcard ? APPROVED_PACKAGES.contains(String.join(".", segments)) : approved(typeOf(segments));
                if (!allowed) {
                    problem(offset, "imports " + name + ", which rules may not import (rules may import only the"
                            + " declaration model, the facts, approved helpers and value types from java.util,"
                            + " java.time, java.util.stream, java.util.function and java.math)");
                }
            }
            for (int k = first; k <= end + (wildcard ? 1 : 0); k++) {
                if (allowed && tokens.get(k).kind() == Kind.NAME) {
                    name(tokens, k, true); // an allowed package may still hold a refused class
                }
                done[k] = true;
            }
        }

        private void packageStatement(List<Token> tokens, int at, boolean[] done) {
            done[at] = true;
            List<String> segments = segments(tokens, at + 1);
            for (int k = 0; k < 2 * segments.size() - 1; k++) {
                done[at + 1 + k] = true;
            }
            if (!segments.isEmpty() && PACKAGE_ROOTS.contains(segments.get(0))) {
                problem(tokens.get(at).start(), "is in the package " + String.join(".", segments)
                        + ", which rules may not use (a rule file's package is a plain name of its own, such as gdpr)");
            }
        }

        /** A dotted name: a fully-qualified one must be on the allowlist; {@code drools} may not be looked into. */
        private void chain(List<Token> tokens, int at, boolean[] done) {
            List<String> segments = segments(tokens, at);
            if (segments.size() < 2) {
                return;
            }
            String first = segments.get(0);
            if (first.equals("drools")) {
                problem(tokens.get(at).start(), "uses drools." + segments.get(1) + ", which rules may not use"
                        + " (the engine's internals are off limits; rules only pass drools to findings.report)");
                markChain(at, 2, done);
                return;
            }
            if (first.isEmpty() || !Character.isLowerCase(first.charAt(0))) {
                return;
            }
            int typeEnd = -1;
            for (int k = 1; k < segments.size() && typeEnd < 0; k++) {
                char initial = segments.get(k).charAt(0);
                if (Character.isUpperCase(initial)) {
                    typeEnd = k;
                } else if (!Character.isLowerCase(initial)) {
                    return;
                }
            }
            if (typeEnd < 0 && !PACKAGE_ROOTS.contains(first)) {
                return; // a field path such as reuse.fromActivity
            }
            List<String> typeSegments = segments.subList(0, typeEnd < 0 ? segments.size() : typeEnd + 1);
            String qualified = String.join(".", typeSegments);
            if (!approved(qualified)) {
                problem(tokens.get(at).start(), "uses " + qualified + ", which rules may not use (" + MODEL_ONLY + ")");
                markChain(at, typeSegments.size(), done);
            }
        }

        private static void markChain(int at, int segments, boolean[] done) {
            for (int k = 0; k < 2 * segments - 1; k++) {
                done[at + k] = true;
            }
        }

        private void name(List<Token> tokens, int i, boolean afterDot) {
            Token token = tokens.get(i);
            String name = token.text();
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            String refusedType = REFUSED_TYPES.get(name);
            String refusedMember = REFUSED_MEMBERS.get(name);
            if (refusedType != null) {
                problem(token.start(), "uses " + refusedType + ", which rules may not use (" + MODEL_ONLY + ")");
            } else if (refusedMember != null) {
                problem(token.start(), "calls " + name + " (" + refusedMember + "), which rules may not use ("
                        + MODEL_ONLY + ")");
            } else if (name.equals("class")) {
                problem(token.start(), (afterDot ? "uses a .class literal" : "uses class") + " (reflection), which"
                        + " rules may not use (" + MODEL_ONLY + ")");
            } else if (name.equals("kcontext")) {
                problem(token.start(), "uses kcontext, which rules may not use (the engine's internals are off"
                        + " limits; rules only pass drools to findings.report)");
            } else if (name.equals("global") && !afterDot) {
                problem(token.start(), "declares a global, which rules may not do (the loader provides the only"
                        + " globals: findings, params and today)");
            } else if (name.equals("dialect") && !afterDot) {
                if (next == null || next.kind() != Kind.STRING || !next.text().equals("java")) {
                    String chosen = next != null && next.kind() == Kind.STRING ? "\"" + next.text() + "\"" : "";
                    problem(token.start(), "sets dialect" + (chosen.isEmpty() ? "" : " " + chosen)
                            + ", which rules may not do (rules are written in the java dialect, which this check reads)");
                }
            } else if (name.equals("entry") && next != null && next.is(Kind.OTHER, "-") && i + 2 < tokens.size()
                    && tokens.get(i + 2).is(Kind.NAME, "point")) {
                problem(token.start(), "uses entry-point, which rules may not use (the engine's internals are off"
                        + " limits; rules match the facts of the declaration)");
            } else if (ATTRIBUTES_WITH_THREADS.contains(name) && !afterDot && next != null
                    && (next.is(Kind.OTHER, "(") || next.kind() == Kind.STRING
                    || (next.kind() == Kind.OTHER && Character.isDigit(next.text().charAt(0))))) {
                problem(token.start(), "uses the " + name + " attribute, which rules may not use (it schedules"
                        + " rule firings on engine threads)");
            }
        }

        /** The names of {@code NAME (DOT NAME)*} from {@code at}. */
        private static List<String> segments(List<Token> tokens, int at) {
            List<String> segments = new ArrayList<>();
            int i = at;
            while (i < tokens.size() && tokens.get(i).kind() == Kind.NAME) {
                segments.add(tokens.get(i).text());
                if (i + 2 < tokens.size() && tokens.get(i + 1).kind() == Kind.DOT && tokens.get(i + 2).kind() == Kind.NAME) {
                    i += 2;
                } else {
                    break;
                }
            }
            return segments;
        }

        /** The qualified type a dotted name starts with: up to its first capitalised segment. */
        private static String typeOf(List<String> segments) {
            for (int k = 0; k < segments.size(); k++) {
                if (!segments.get(k).isEmpty() && Character.isUpperCase(segments.get(k).charAt(0))) {
                    return String.join(".", segments.subList(0, k + 1));
                }
            }
            return String.join(".", segments);
        }

        private static boolean approved(String qualifiedType) {
            int dot = qualifiedType.lastIndexOf('.');
            return APPROVED_CLASSES.contains(qualifiedType)
                    || (dot > 0 && APPROVED_PACKAGES.contains(qualifiedType.substring(0, dot)));
        }

        List<RuleSetProblem> problems() {
            int[] lineStarts = lineStarts(text);
            List<RuleSetProblem> problems = new ArrayList<>();
            int lastLine = 0;
            for (Found f : found.stream().sorted(Comparator.comparingInt(Found::offset)).toList()) {
                int index = Arrays.binarySearch(lineStarts, f.offset());
                int line = index >= 0 ? index + 1 : -index - 1;
                if (line == lastLine) {
                    continue; // one problem per line is enough to locate it; the next shows once that one is fixed
                }
                lastLine = line;
                problems.add(new RuleSetProblem(file, line, f.offset() - lineStarts[line - 1] + 1, f.message()));
            }
            return problems;
        }

        /** Offsets where lines start; a line ends at \n, \r\n or a lone \r, as for the Java compiler. */
        private static int[] lineStarts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
