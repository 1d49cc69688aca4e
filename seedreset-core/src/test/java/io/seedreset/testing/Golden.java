package io.seedreset.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Golden files: JSON as a front end writes it, compared with a checked-in copy under the module's
 * {@code src/test/resources/golden/}. Values a run cannot repeat are replaced first, each by an
 * explicit placeholder ({@link Normalisation}); everything else must match byte for byte, layout
 * included, so a golden also catches a changed indentation or field order.
 * <p>
 * {@code -Dgolden.update=true} writes the files instead of comparing (review the change with
 * {@code git diff}); otherwise a difference fails with a line diff.
 */
public final class Golden {

    /** The system property that rewrites the golden files. */
    public static final String UPDATE = "golden.update";

    private static final ObjectMapper PARSER = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int CONTEXT = 3;

    private Golden() {
    }

    /**
     * What a golden test replaces before comparing, and nothing else:
     * <ul>
     *   <li>every random UUID (version 4, as {@code UUID.randomUUID()} makes application ids), wherever it
     *       appears, messages included, by {@code <uuid-N>}, numbered in order of first appearance, so the
     *       same id gets the same placeholder and references between fields stay checkable; derived ids
     *       (version 3: organizations, rows) are deterministic and stay as they are;</li>
     *   <li>the values of the fields named as {@link #instants instants}, each checked to be an ISO-8601
     *       instant first, by {@code "<instant>"} (a null stays null);</li>
     *   <li>the values of the fields named as {@link #milliseconds milliseconds}, each checked to be a
     *       whole, non-negative number first, by {@code "<ms>"}.</li>
     * </ul>
     */
    public static final class Normalisation {

        private final Set<String> instants;
        private final Set<String> milliseconds;

        private Normalisation(Set<String> instants, Set<String> milliseconds) {
            this.instants = instants;
            this.milliseconds = milliseconds;
        }

        /** Only random UUIDs. */
        public static Normalisation randomIds() {
            return new Normalisation(Set.of(), Set.of());
        }

        /** Also these fields, whose values are instants the database or the clock assigned. */
        public Normalisation instants(String... fields) {
            Set<String> all = new LinkedHashSet<>(instants);
            all.addAll(List.of(fields));
            return new Normalisation(Set.copyOf(all), milliseconds);
        }

        /** Also these fields, whose values are measured durations in milliseconds. */
        public Normalisation milliseconds(String... fields) {
            Set<String> all = new LinkedHashSet<>(milliseconds);
            all.addAll(List.of(fields));
            return new Normalisation(instants, Set.copyOf(all));
        }

        /** The JSON text with every value this normalisation covers replaced; fails if one is not what it should be. */
        public String apply(String json) {
            JsonNode tree;
            try {
                tree = PARSER.readTree(json);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
            }
            check(tree);
            String text = json;
            for (String field : instants) {
                text = replaceValues(text, field, "<instant>");
            }
            for (String field : milliseconds) {
                text = replaceValues(text, field, "<ms>");
            }
            // A backup's name carries the time it was taken.
            text = text.replaceAll("backup-[0-9]{8}-[0-9]{6}-[0-9]{3}", "backup-<time>");
            return replaceRandomIds(text);
        }

        @Override
        public String toString() {
            return "random UUIDs, backup names' times" + (instants.isEmpty() ? "" : ", instants " + sorted(instants))
                    + (milliseconds.isEmpty() ? "" : ", milliseconds " + sorted(milliseconds));
        }

        private static List<String> sorted(Set<String> fields) {
            return fields.stream().sorted().toList();
        }

        /** Refuses to hide a value of the wrong shape behind a placeholder. */
        private void check(JsonNode node) {
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    JsonNode value = field.getValue();
                    if (instants.contains(field.getKey()) && !value.isNull() && !isInstant(value)) {
                        throw new AssertionError("'" + field.getKey() + "' is " + value + ", not an ISO-8601 instant");
                    }
                    if (milliseconds.contains(field.getKey()) && !(value.isIntegralNumber() && value.asLong() >= 0)) {
                        throw new AssertionError("'" + field.getKey() + "' is " + value + ", not whole milliseconds");
                    }
                    check(value);
                }
            } else if (node.isArray()) {
                node.forEach(this::check);
            }
        }

        private static boolean isInstant(JsonNode value) {
            try {
                return value.isTextual() && Instant.parse(value.asText()) != null;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        /** A field's non-null values, in indented and in one-line JSON alike. */
        private static String replaceValues(String json, String field, String placeholder) {
            Pattern value = Pattern.compile("(\"" + Pattern.quote(field) + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*)");
            return value.matcher(json).replaceAll("$1" + Matcher.quoteReplacement("\"" + placeholder + "\""));
        }

        private static String replaceRandomIds(String json) {
            Map<String, String> placeholders = new LinkedHashMap<>();
            Matcher matcher = UUID.matcher(json);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String id = matcher.group();
                boolean random = java.util.UUID.fromString(id).version() == 4;
                matcher.appendReplacement(out, Matcher.quoteReplacement(random
                        ? placeholders.computeIfAbsent(id, k -> "<uuid-" + (placeholders.size() + 1) + ">") : id));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    /**
     * Compares {@code json}, normalised, with {@code src/test/resources/golden/NAME.json} of the module
     * under test, or writes that file when {@code -Dgolden.update=true}.
     */
    public static void assertMatches(String name, String json, Normalisation normalisation) {
        String actual = normalisation.apply(json.replace("\r\n", "\n"));
        Path file = directory().resolve(name + ".json");
        if (Boolean.getBoolean(UPDATE)) {
            write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + ": run the test with -D" + UPDATE + "=true to write it, then review it");
        }
        String expected = read(file);
        if (!expected.equals(actual)) {
            fail("the JSON differs from golden/" + name + ".json (normalised: " + normalisation + ");"
                    + " if the change is intended, run with -D" + UPDATE + "=true and review the diff\n"
                    + diff(expected, actual));
        }
    }

    /** The module's golden directory: Surefire runs tests in the module's base directory. */
    public static Path directory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "resources", "golden");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unified-style line diff ({@code -} golden, {@code +} actual) with a few lines of context. */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        // Longest common subsequence, from the end, so the walk below goes forwards.
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                changed.add(lines.size());
                lines.add("- " + a.get(i++));
            } else {
                changed.add(lines.size());
                lines.add("+ " + b.get(j++));
            }
        }
        if (expected.endsWith("\n") != actual.endsWith("\n")) {
            changed.add(lines.size());
            lines.add("  (the golden " + (expected.endsWith("\n") ? "ends" : "does not end") + " with a newline, the output "
                    + (actual.endsWith("\n") ? "does" : "does not") + ")");
        }
        StringBuilder out = new StringBuilder("--- golden\n+++ actual\n");
        int shownUntil = -1;
        for (int c : changed) {
            int from = Math.max(c - CONTEXT, shownUntil + 1);
            if (from > shownUntil + 1 && shownUntil >= 0) {
                out.append("  ...\n");
            }
            int to = Math.min(c + CONTEXT, lines.size() - 1);
            for (int k = from; k <= to; k++) {
                out.append(lines.get(k)).append('\n');
            }
            shownUntil = Math.max(shownUntil, to);
        }
        return out.toString();
    }
}
