package io.seedreset.packs.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedreset.pack.PackContext;
import io.seedreset.packs.NameChecks;
import io.seedreset.packs.people.People.Person;
import io.seedreset.packs.people.People.Sex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names are drawn at their real frequencies, fit the person's age and come out the same for the same seed. */
class PeopleTest {

    private static final Instant ANCHOR = Instant.parse("2026-11-21T09:00:00Z");
    private static final int SAMPLE = 20_000;

    private static List<Person> adults(long seed) {
        PackContext context = new PackContext("people-test", "people-demo", seed, ANCHOR, "default", Map.of());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            people.add(People.adult(context.draw("person", i), ANCHOR));
        }
        return people;
    }

    private static Map<String, Integer> tally(List<Person> people) {
        Map<String, Integer> counts = new HashMap<>();
        people.forEach(person -> counts.merge(person.lastName(), 1, Integer::sum));
        return counts;
    }

    @Test
    void surnames_come_at_their_census_share_of_the_table() {
        Map<String, Integer> census = People.surnameCounts();
        double total = census.values().stream().mapToLong(Integer::longValue).sum();
        Map<String, Integer> drawn = tally(adults(1));

        // Smith is 2.4% of the table's people, Garcia 1.1%: 20,000 draws put each within 3 standard deviations (0.33 and 0.22 points).
        assertThat(drawn.get("Smith") / (double) SAMPLE).isCloseTo(census.get("Smith") / total, within(0.0035));
        assertThat(drawn.get("Garcia") / (double) SAMPLE).isCloseTo(census.get("Garcia") / total, within(0.0025));
        assertThat(drawn).containsKeys("Nguyen", "Patel", "Kim", "Johnson", "Williams");
        assertThat(drawn.keySet()).isSubsetOf(census.keySet());
        // The table's rarest surname is 0.06% of it, some 12 of 20,000 draws: every surname comes up.
        assertThat(drawn.size()).as("distinct surnames in 20,000 people").isEqualTo(census.size());
    }

    /**
     * The tables hold the census's and the SSA's most frequent names, most frequent first, with
     * the counts of the published tables to the thousand: Smith's 2,442,977 people are 2,443,000.
     */
    @Test
    void the_tables_are_the_census_and_ssa_figures_and_hold_no_invented_names() {
        Map<String, Integer> census = People.surnameCounts();

        assertThat(census).hasSizeBetween(500, 1_000);
        assertThat(census.entrySet().iterator().next()).isEqualTo(Map.entry("Smith", 2_443_000));
        assertThat(census).containsEntry("Garcia", 1_166_000).containsEntry("Nguyen", 438_000).containsEntry("Patel", 230_000)
                .containsKeys("O'Brien", "De La Cruz", "McDonald");
        assertThat(List.copyOf(census.values())).isSortedAccordingTo(Comparator.reverseOrder())
                .allSatisfy(count -> assertThat(count % 1_000).isZero());
        assertThat(census.keySet()).noneMatch(name -> NameChecks.FAKER_SURNAME.matcher(name).find());
        for (int decade = People.FIRST_DECADE; decade <= People.LAST_DECADE; decade += 10) {
            for (Sex sex : Sex.values()) {
                Map<String, Integer> names = People.firstNameCounts(decade, sex);
                assertThat(names).as("%ss %s", decade, sex).hasSizeBetween(95, 105);
                assertThat(names.keySet()).as("%ss %s", decade, sex).allMatch(name -> name.matches("[A-Z][a-z]+"));
                assertThat(List.copyOf(names.values())).as("%ss %s", decade, sex).isSortedAccordingTo(Comparator.reverseOrder());
            }
        }
        assertThat(People.firstNameCounts(1950, Sex.MALE).entrySet().iterator().next()).isEqualTo(Map.entry("James", 844_000));
        assertThat(People.firstNameCounts(1980, Sex.FEMALE).entrySet().iterator().next()).isEqualTo(Map.entry("Jessica", 469_000));
        assertThat(People.firstNameCounts(2000, Sex.MALE).entrySet().iterator().next()).isEqualTo(Map.entry("Jacob", 274_000));
    }

    /**
     * The names that came up only lately, read from the tables: in the 2000s' top 100 and in no
     * decade's before 1990 (Jayden, Aiden, Brayden, Madison, ...). Nobody born in the 1950s or
     * 1960s carries one, and every name is one given in its bearer's birth decade.
     */
    @Test
    void first_names_fit_the_birth_decade() {
        Set<String> recent = new HashSet<>();
        for (Sex sex : Sex.values()) {
            recent.addAll(People.firstNameCounts(2000, sex).keySet());
        }
        for (int decade = 1950; decade <= 1980; decade += 10) {
            for (Sex sex : Sex.values()) {
                recent.removeAll(People.firstNameCounts(decade, sex).keySet());
            }
        }
        assertThat(recent).contains("Jayden", "Aiden", "Brayden", "Madison", "Hailey").doesNotContain("Michael", "Emily");

        List<Person> people = adults(2);

        assertThat(people).allSatisfy(person -> assertThat(People.firstNameCounts(People.decadeOf(person.birthYear()), person.sex()))
                .as("%s, born %d", person.fullName(), person.birthYear()).containsKey(person.firstName()));
        List<Person> boomers = people.stream().filter(p -> p.birthYear() < 1970).toList();
        assertThat(boomers).hasSizeGreaterThan(2_000).noneMatch(person -> recent.contains(person.firstName()));
        assertThat(people).extracting(Person::birthYear).allSatisfy(year -> assertThat(year).isBetween(1947, 2006));
        assertThat(people.stream().filter(p -> p.sex() == Sex.FEMALE).count() / (double) SAMPLE).isCloseTo(0.5, within(0.02));
    }

    @Test
    void the_same_seed_draws_the_same_people_and_another_seed_others() {
        assertThat(adults(3)).isEqualTo(adults(3)).isNotEqualTo(adults(4));
    }

    @Test
    void mailboxes_are_plain_letters() {
        assertThat(new Person("José", "O'Brien", Sex.MALE, 1980).mailbox()).isEqualTo("jose.obrien");
        assertThat(People.mailbox("Ana", "De La Cruz")).isEqualTo("ana.delacruz");
    }
}
