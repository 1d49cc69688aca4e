package io.seedreset.packs;

import io.seedreset.packs.people.People;
import io.seedreset.testing.DatabaseReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What generated names must never look like, and the rows to look for them in. */
public final class NameChecks {

    /**
     * Surnames of DataFaker's default en-US list that no real frequency table ranks: an engineer
     * recognises "Kerluke" or "Wintheiser" in a demo at a glance. Whole words, any case.
     */
    public static final Pattern FAKER_SURNAME = Pattern.compile("\\b(" + String.join("|", List.of(
            "Kerluke", "Wintheiser", "Bergnaum", "Nienow", "Emmerich", "Gorczany", "Frami", "Hane", "Schowalter",
            "Runolfsdottir", "Runolfsson", "Kshlerin", "Hettinger", "Bahringer", "Altenwerth", "Ankunding", "Aufderhar",
            "Bashirian", "Bechtelar", "Breitenberg", "Cummerata", "Denesik", "Gislason", "Gleichner", "Greenfelder",
            "Gusikowski", "Hodkiewicz", "Homenick", "Jaskolski", "Kassulke", "Kertzmann", "Konopelski", "Kuvalis",
            "Leuschke", "Lueilwitz", "Macejkovic", "Murazik", "Oberbrunner", "Okuneva", "Ondricka", "Pfannerstill",
            "Powlowski", "Quitzon", "Romaguera", "Stiedemann", "Swaniawski", "Torphy", "Vandervort", "Waelchi",
            "Weissnat", "Wisozk", "Wuckert", "Zboncak", "Ziemann", "Zulauf", "Hilpert", "Schuppe", "Smitham")) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * DataFaker's company shapes, whatever the surnames: "Anderson, Hane and Emmerich",
     * "Frami-Gorczany", "Kerluke LLC", "Nienow and Sons".
     */
    public static final Pattern FAKER_COMPANY = Pattern.compile(
            "[A-Z][\\w']+, [A-Z][\\w']+ and [A-Z][\\w']+|[A-Z][\\w']+-[A-Z][\\w']+|[A-Z][\\w']+ (Inc|LLC|Group|and Sons)");

    private static final Set<String> FIRST_NAMES = new HashSet<>();

    static {
        for (int decade = People.FIRST_DECADE; decade <= People.LAST_DECADE; decade += 10) {
            for (People.Sex sex : People.Sex.values()) {
                FIRST_NAMES.addAll(People.firstNameCounts(decade, sex).keySet());
            }
        }
    }

    private NameChecks() {
    }

    /** Whether a person's name is one the packs' tables give: an SSA first name and a census surname. */
    public static boolean fromTheTables(String firstName, String lastName) {
        return FIRST_NAMES.contains(firstName) && People.surnameCounts().containsKey(lastName);
    }

    /** Every row of every tenant table (those with an {@code org_id}), as PostgreSQL prints it. */
    public static List<String> rowsOfEveryTenantTable(DatabaseReader database) {
        List<String> rows = new ArrayList<>();
        for (String table : database.strings("""
                SELECT DISTINCT table_schema || '.' || table_name FROM information_schema.columns
                 WHERE column_name = 'org_id' AND table_schema <> 'platform' ORDER BY 1""")) {
            rows.addAll(database.strings("SELECT t::text FROM " + table + " t"));
        }
        return rows;
    }
}
