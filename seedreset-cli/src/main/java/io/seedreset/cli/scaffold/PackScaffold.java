package io.seedreset.cli.scaffold;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A standalone Maven project for a new seed pack, as {@code seedreset new-pack} writes it: the pack (its
 * descriptor and rules), a generator, the Flyway migration of the table it writes, its ServiceLoader
 * registration, and a test that applies it to a demo organization on an embedded PostgreSQL. It depends on
 * seedreset-core of this very build, and builds and passes its test as written.
 *
 * <p>The files are made from the templates beside this class ({@code *.template}, {@code {{name}}} replaced)
 * and the versions the build wrote into {@code versions.properties}.
 */
public final class PackScaffold {

    /** Letters, digits and single dashes: the id names the pack, its Maven artifact, its schema and its class. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int LONGEST_ID = 63;
    private static final Pattern JAVA_PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
            "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "false", "final", "finally",
            "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "null",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized",
            "this", "throw", "throws", "transient", "true", "try", "void", "volatile", "while", "_");
    /**
     * Words PostgreSQL does not take as a schema's name unquoted (its reserved key words, and those reserved
     * but for function and type names), and the schemas that are not a pack's to write.
     */
    private static final Set<String> UNUSABLE_SCHEMAS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
            "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner",
            "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp",
            "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
            "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where",
            "window", "with", "platform", "public", "information_schema");

    private final String id;
    private final String javaPackage;
    private final String className;
    private final String schema;
    private final Map<String, String> files;

    private PackScaffold(String id, String javaPackage) {
        this.id = id;
        this.javaPackage = javaPackage;
        this.schema = id.replace('-', '_');
        this.className = className(id);
        this.files = render();
    }

    /**
     * The project of pack {@code id}, its classes in {@code javaPackage} (null for
     * {@link #defaultPackage(String)}); a bad id or package is {@link Reason#INVALID_VALUE}.
     */
    public static PackScaffold of(String id, String javaPackage) {
        if (id == null || id.length() < 2 || id.length() > LONGEST_ID || !ID.matcher(id).matches()) {
            throw new SeedResetException(Reason.INVALID_VALUE, "pack id '" + id + "' must be 2 to " + LONGEST_ID
                    + " lower-case letters, digits and single dashes, starting with a letter (e.g. office-plants)",
                    Map.of(SeedResetException.VALUE, String.valueOf(id)));
        }
        String schema = id.replace('-', '_');
        if (UNUSABLE_SCHEMAS.contains(schema) || schema.startsWith("pg_")) {
            throw new SeedResetException(Reason.INVALID_VALUE, "pack id '" + id + "' would name its schema '" + schema
                    + "', which PostgreSQL or Seed & Reset keeps for itself: choose another id",
                    Map.of(SeedResetException.VALUE, id));
        }
        String chosen = javaPackage == null ? defaultPackage(id) : javaPackage;
        if (!JAVA_PACKAGE.matcher(chosen).matches() || Stream.of(chosen.split("\\.")).anyMatch(JAVA_KEYWORDS::contains)) {
            throw new SeedResetException(Reason.INVALID_VALUE, (javaPackage == null ? "pack id '" + id + "' makes the package '" + chosen
                    + "', which is not a Java package name: give one with --package" : "--package '" + chosen
                    + "' is not a Java package name (e.g. com.example.plants)"), Map.of(SeedResetException.VALUE, chosen));
        }
        return new PackScaffold(id, chosen);
    }

    /** {@code com.example.} and the id without its dashes: {@code office-plants} gives {@code com.example.officeplants}. */
    public static String defaultPackage(String id) {
        return "com.example." + id.replace("-", "");
    }

    public String id() {
        return id;
    }

    public String javaPackage() {
        return javaPackage;
    }

    /** The pack's class: {@code office-plants} gives {@code OfficePlantsPack}. */
    public String className() {
        return className;
    }

    /** The table the pack writes. */
    public String table() {
        return schema + ".customers";
    }

    /** The seedreset-core version the project depends on: this build's. */
    public static String seedresetVersion() {
        return versions().getProperty("seedreset");
    }

    /** Each file's path in the project (with '/') and its text, in the order a reader meets them. */
    public Map<String, String> files() {
        return files;
    }

    /** What each file is for, by its path, in the same order. */
    public Map<String, String> purposes() {
        Map<String, String> purposes = new LinkedHashMap<>();
        projectFiles().forEach(file -> purposes.put(file.path(), file.purpose()));
        return purposes;
    }

    /**
     * One file of the project.
     *
     * @param template the name of its template beside this class, without {@code .template}
     */
    private record ProjectFile(String path, String template, String purpose) {
    }

    private List<ProjectFile> projectFiles() {
        String main = "src/main/java/" + javaPackage.replace('.', '/') + "/";
        String test = "src/test/java/" + javaPackage.replace('.', '/') + "/";
        return List.of(
                new ProjectFile("pom.xml", "pom.xml",
                        "depends on seedreset-core " + seedresetVersion() + "; the test on JUnit and an embedded PostgreSQL"),
                new ProjectFile(main + className + ".java", "Pack.java", "the pack: id, version, modes, parameters and its validation rules"),
                new ProjectFile(main + "Customers.java", "Customers.java", "the generator: the rows the pack writes"),
                new ProjectFile("src/main/resources/db/modules/" + schema + "/V1000__" + schema + ".sql", "migration.sql",
                        "creates the table it writes, " + table()),
                new ProjectFile("src/main/resources/META-INF/services/io.seedreset.pack.SeedPack", "services",
                        "lists the pack, so that Seed & Reset finds it"),
                new ProjectFile(test + className + "Test.java", "PackTest.java",
                        "applies it to a demo organization, checks rows and rules, tears down"),
                new ProjectFile("src/test/resources/logback-test.xml", "logback-test.xml", "keeps the test's logging quiet"),
                new ProjectFile(".gitignore", "gitignore", "leaves target/ out of version control"));
    }

    /**
     * Writes the project into {@code directory}, which must not exist or be empty: all of it or, when
     * anything fails, nothing (the files are written into a directory beside it, then moved into place).
     */
    public void writeTo(Path directory) {
        Path target = directory.toAbsolutePath().normalize();
        if (Files.exists(target) && !emptyDirectory(target)) {
            throw new SeedResetException(Reason.INVALID_VALUE, target + (Files.isDirectory(target) ? " is not empty" : " is a file")
                    + ": give a new or empty directory with --dir; nothing was written", Map.of(SeedResetException.VALUE, target.toString()));
        }
        Path staging = null;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".new-pack-");
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new SeedResetException(Reason.FILE_ERROR, "cannot write the pack project to " + target + ": " + e
                    + "; nothing was written", Map.of(SeedResetException.VALUE, target.toString()), e);
        }
    }

    private static boolean emptyDirectory(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A staging directory left behind is a hidden, empty-named one beside the target: harmless.
        }
    }

    private Map<String, String> render() {
        Map<String, String> values = new LinkedHashMap<>();
        versions().forEach((name, value) -> values.put((String) name, (String) value));
        values.put("id", id);
        values.put("package", javaPackage);
        values.put("Pack", className);
        values.put("schema", schema);
        values.put("title", title(id));
        Map<String, String> rendered = new LinkedHashMap<>();
        projectFiles().forEach(file -> rendered.put(file.path(), fill(template(file.template() + ".template"), values)));
        return rendered;
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher placeholder = Pattern.compile("\\{\\{([A-Za-z-]+)}}").matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("template placeholder {{" + placeholder.group(1) + "}} has no value");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static String template(String name) {
        try (InputStream in = PackScaffold.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the CLI's jar lacks its template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties versions() {
        Properties versions = new Properties();
        try (InputStream in = PackScaffold.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("the CLI's jar lacks versions.properties");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** office-plants: OfficePlantsPack; acme-pack: AcmePack. */
    private static String className(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString().endsWith("Pack") ? name.toString() : name + "Pack";
    }

    /** office-plants: Office plants. */
    private static String title(String id) {
        String words = id.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
