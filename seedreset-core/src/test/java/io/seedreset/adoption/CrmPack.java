package io.seedreset.adoption;

import io.seedreset.pack.Draw;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import java.util.List;
import java.util.Map;

/**
 * A pack for the application schema of {@code adoption/crm.sql}: teams in a tree (a self-referencing key),
 * people in them (integer keys, a shared country code), notes about them (text keys). With {@code keys=explicit}
 * the numbers run from {@code key-base} up, as an adopter writing ids would give them, and the engine advances the
 * identity and serial sequences past them; with {@code keys=serial} the database draws them from those sequences,
 * so two organizations never collide.
 */
public final class CrmPack implements SeedPack {

    public static final String ID = "crm-starter";
    static final String[] TEAMS = {"Leadership", "Sales", "Customer Success", "Sales EMEA"};
    static final int[] PARENT = {-1, 0, 0, 1};
    static final String[] COUNTRIES = {"US", "GB", "DE", "FR"};

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor(ID, "1.0.0", "CRM starter", "Teams, people and notes of a small sales organization.",
                List.of("crm"),
                List.of(Mode.of("default", "a small team", Map.of())),
                List.of(Parameter.integer("people", "how many people", 12, 1, 500),
                        Parameter.integer("key-base", "where this organization's keys start", 1000, 1, 1_000_000_000),
                        Parameter.choice("keys", "explicit numbers or serials", "explicit", List.of("explicit", "serial"))),
                List.of());
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        long base = context.integer("key-base");
        boolean serial = context.text("keys").equals("serial");
        for (int t = 0; t < TEAMS.length; t++) {
            Object parent = PARENT[t] < 0 ? null : serial ? context.serial("team", PARENT[t]) : (Object) (base + PARENT[t]);
            sink.add("crm.teams", Row.withKey(serial ? context.serial("team", t) : (Object) (base + t)).set("name", TEAMS[t]).set("parent_id", parent));
        }
        for (int p = 0; p < context.integer("people"); p++) {
            Draw draw = context.draw("person", p);
            String first = draw.faker().name().firstName();
            String last = draw.faker().name().lastName();
            Object person = serial ? context.serial("person", p) : (Object) ((int) base + p);
            Object team = serial ? context.serial("team", p % TEAMS.length) : (Object) (base + p % TEAMS.length);
            sink.add("crm.people", Row.withKey(person).set("team_id", team)
                    .set("country", COUNTRIES[draw.between(0, COUNTRIES.length - 1)]).set("full_name", first + " " + last)
                    .set("email", (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + "@northwind.example"));
            // Text keys are shared by every tenant too: the serial variant makes them from the organization's ids.
            String note = serial ? "N-" + context.id("note", p).toString().substring(0, 13) : "N-" + base + "-" + p;
            sink.add("crm.notes", Row.withKey(note).set("person_id", person)
                    .set("body", "Met " + first + " at the quarterly review; follow up on renewal."));
        }
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(new Invariant("a team's parent is of the same tenant", """
                SELECT 'team ' || t.id FROM crm.teams t JOIN crm.teams p ON p.id = t.parent_id
                 WHERE t.tenant_id = :org AND p.tenant_id <> t.tenant_id"""));
    }
}
