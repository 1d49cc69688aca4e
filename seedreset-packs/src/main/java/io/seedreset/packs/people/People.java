package io.seedreset.packs.people;

import io.seedreset.pack.Draw;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Names of people as they occur in the United States, for every pack: surnames at their
 * frequency in the 2010 census, first names at their frequency among the babies born in the
 * person's birth decade (Social Security card applications), so a demo reads like a real
 * customer list and a 60-year-old is a Susan or a Gary, never a Jayden. The tables are
 * {@code surnames.tsv} and {@code first_names.tsv} next to this class; their headers say where
 * the figures come from. They are read once, on first use.
 */
public final class People {

    public enum Sex {
        FEMALE, MALE
    }

    /** A person's name and the birth year it was chosen for. */
    public record Person(String firstName, String lastName, Sex sex, int birthYear) {

        public String fullName() {
            return firstName + " " + lastName;
        }

        /** first.last in plain ASCII letters (O'Brien becomes obrien, De La Cruz delacruz): the usual mailbox. */
        public String mailbox() {
            return People.mailbox(firstName, lastName);
        }
    }

    /**
     * Ages of the adults who buy tickets, book events and answer a vendor's phone, in decades
     * from the twenties: most between 25 and 60, fewer over 70.
     */
    private static final int[] AGE_DECADE_SUMS = runningSums(new int[] {22, 24, 20, 18, 12, 4});
    private static final int YOUNGEST_ADULT = 20;

    /** The decades the first-name table covers; a birth year outside them takes the nearest. */
    public static final int FIRST_DECADE = 1950;
    public static final int LAST_DECADE = 2000;

    private People() {
    }

    /**
     * An adult of 20 to 79 in the anchor's year, of either sex, with a first name given in their
     * birth decade and a surname as common as it is in the country.
     */
    public static Person adult(Draw draw, Instant now) {
        Random random = draw.random();
        Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        int age = YOUNGEST_ADULT + 10 * pick(random, AGE_DECADE_SUMS, AGE_DECADE_SUMS.length) + random.nextInt(10);
        int birthYear = now.atZone(ZoneOffset.UTC).getYear() - age;
        return new Person(firstName(draw, sex, birthYear), surname(draw), sex, birthYear);
    }

    /** Someone born in {@code birthYear}, of either sex: a partner, a sibling, a classmate. */
    public static Person bornIn(Draw draw, int birthYear) {
        Sex sex = draw.random().nextBoolean() ? Sex.FEMALE : Sex.MALE;
        return new Person(firstName(draw, sex, birthYear), surname(draw), sex, birthYear);
    }

    /** A surname, drawn at its share of the table: Smith about once in 42 names, Nguyen once in 236. */
    public static String surname(Draw draw) {
        return Tables.INSTANCE.surnames.pick(draw.random());
    }

    /** A first name given to babies of that sex in that birth year's decade, at its frequency then. */
    public static String firstName(Draw draw, Sex sex, int birthYear) {
        return Tables.INSTANCE.firstNames(decadeOf(birthYear), sex).pick(draw.random());
    }

    /** first.last in plain ASCII letters. */
    public static String mailbox(String firstName, String lastName) {
        return letters(firstName) + "." + letters(lastName);
    }

    /** Lower-case ASCII letters only: accents dropped, spaces, apostrophes and hyphens removed. */
    public static String letters(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** The first-name table's decade for a birth year, clamped to the decades it covers. */
    public static int decadeOf(int birthYear) {
        return Math.max(FIRST_DECADE, Math.min(LAST_DECADE, Math.floorDiv(birthYear, 10) * 10));
    }

    // ---------------------------------------------------------------- the tables

    /** Every surname of the table with its census count, most frequent first. */
    public static Map<String, Integer> surnameCounts() {
        return Tables.INSTANCE.surnames.asMap();
    }

    /** The first names of a decade (1950 to 2000) and sex with their births, most given first. */
    public static Map<String, Integer> firstNameCounts(int decade, Sex sex) {
        if (decade != decadeOf(decade)) {
            throw new IllegalArgumentException("the first-name table covers the decades 1950 to 2000, not " + decade);
        }
        return Tables.INSTANCE.firstNames(decade, sex).asMap();
    }

    // ---------------------------------------------------------------- drawing and loading

    private static int[] runningSums(int[] weights) {
        int[] sums = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            sums[i] = (i == 0 ? 0 : sums[i - 1]) + weights[i];
        }
        return sums;
    }

    /** An index drawn in proportion to its weight, given the running sums of the first {@code size} weights. */
    private static int pick(Random random, int[] runningSums, int size) {
        int roll = random.nextInt(runningSums[size - 1]) + 1;
        int found = Arrays.binarySearch(runningSums, 0, size, roll);
        return found >= 0 ? found : -found - 1;
    }

    /** Names with weights (people counted, babies named), drawn in proportion to them. */
    private static final class Weighted {

        private String[] values = new String[128];
        private int[] runningSums = new int[128];
        private int size;

        void add(String value, int weight) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
                runningSums = Arrays.copyOf(runningSums, 2 * size);
            }
            runningSums[size] = (size == 0 ? 0 : runningSums[size - 1]) + weight;
            values[size++] = value;
        }

        String pick(Random random) {
            return values[People.pick(random, runningSums, size)];
        }

        Map<String, Integer> asMap() {
            Map<String, Integer> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(values[i], runningSums[i] - (i == 0 ? 0 : runningSums[i - 1]));
            }
            return Collections.unmodifiableMap(map);
        }
    }

    /**
     * Both tables, parsed once on first use: some 1,800 short lines, read whole and cut at tabs
     * and newlines, so loading costs a few milliseconds of an apply.
     */
    private static final class Tables {

        static final Tables INSTANCE = new Tables();

        final Weighted surnames = new Weighted();
        /** By decade, then sex: index {@code 2 * (decade - 1950) / 10 + sex.ordinal()}. */
        private final Weighted[] firstNames = new Weighted[2 * ((LAST_DECADE - FIRST_DECADE) / 10 + 1)];

        private Tables() {
            for (int i = 0; i < firstNames.length; i++) {
                firstNames[i] = new Weighted();
            }
            String surnameTable = read("surnames.tsv");
            for (int line = firstRow(surnameTable); line < surnameTable.length(); line = nextLine(surnameTable, line)) {
                int tab = surnameTable.indexOf('\t', line);
                surnames.add(surnameTable.substring(line, tab), parseCount(surnameTable, tab + 1));
            }
            String firstNameTable = read("first_names.tsv");
            for (int line = firstRow(firstNameTable); line < firstNameTable.length(); line = nextLine(firstNameTable, line)) {
                int decade = Integer.parseInt(firstNameTable, line, line + 4, 10);
                Sex sex = firstNameTable.charAt(line + 5) == 'F' ? Sex.FEMALE : Sex.MALE;
                int tab = firstNameTable.indexOf('\t', line + 7);
                firstNames(decade, sex).add(firstNameTable.substring(line + 7, tab), parseCount(firstNameTable, tab + 1));
            }
            boolean complete = surnames.size > 0;
            for (Weighted names : firstNames) {
                complete &= names.size > 0;
            }
            if (!complete) {
                throw new IllegalStateException("a name table of the packs jar is empty or misses a decade");
            }
        }

        Weighted firstNames(int decade, Sex sex) {
            return firstNames[2 * ((decade - FIRST_DECADE) / 10) + sex.ordinal()];
        }

        private static String read(String file) {
            try (InputStream in = People.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("the name table " + file + " is missing from the packs jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the name table " + file, e);
            }
        }

        /** Where the rows begin: after the {@code #} lines of the header. */
        private static int firstRow(String table) {
            int line = 0;
            while (line < table.length() && table.charAt(line) == '#') {
                line = nextLine(table, line);
            }
            return line;
        }

        private static int nextLine(String table, int line) {
            int end = table.indexOf('\n', line);
            return end < 0 ? table.length() : end + 1;
        }

        /** The number from {@code start} to the end of its line. */
        private static int parseCount(String table, int start) {
            int end = table.indexOf('\n', start);
            return Integer.parseInt(table, start, end < 0 ? table.length() : end, 10);
        }
    }
}
