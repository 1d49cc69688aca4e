package io.seedreset.junit;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.Organization;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.ResetRequest;
import io.seedreset.api.RestoreRequest;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Persona;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * An organization of kind qa with packs applied, that {@link #restore()} returns to exactly that applied state.
 *
 * <p>How: right after the packs are applied, the organization's whole state is kept as a snapshot, restored once
 * (so the ledger records the rows under the snapshot's application, which teardown removes as it removes any
 * application's) and made the organization's baseline; from then on a trigger on every tenant table logs the rows the
 * organization's tests change, on whatever connection ({@link ChangeLog}). {@link #restore()} puts exactly those rows
 * back in one transaction: rows a test created are deleted, rows it changed or deleted are written back, so its cost
 * follows what the test changed. When the database refuses that (two rows that swapped a unique value, say), it
 * resets the organization to the baseline snapshot instead, an operation of {@link SeedReset} behind the production
 * boundary like any other, which compares every row. Either way the ledger still records every row the packs wrote.
 */
public final class SeededOrganization {

    /** The snapshot of the applied state, the organization's baseline. */
    static final String APPLIED_STATE = "junit-applied-state";

    private final SeedReset seedReset;
    private final DataSource dataSource;
    private final Organization organization;
    private final Map<String, Long> seeds;
    private final List<Persona> personas;

    private SeededOrganization(SeedReset seedReset, DataSource dataSource, Organization organization, Map<String, Long> seeds,
                               List<Persona> personas) {
        this.seedReset = seedReset;
        this.dataSource = dataSource;
        this.organization = organization;
        this.seeds = Map.copyOf(seeds);
        this.personas = List.copyOf(personas);
    }

    /**
     * Creates the organization {@code slug} of kind qa, applies {@code packs} to it in order (their organization
     * is {@code slug}), keeps the applied state as its baseline and starts logging its changes. {@code dataSource} is
     * the database {@code seedReset} works on. The {@link SeedReset} should keep no backups ({@code backupsKept(0)}):
     * a restore that falls back to a reset would otherwise snapshot the organization first.
     */
    public static SeededOrganization create(SeedReset seedReset, DataSource dataSource, String slug, String name, List<PackRequest> packs) {
        ChangeLog.install(dataSource);
        Organization organization = seedReset.createOrganization(slug, name, OrganizationKind.QA);
        Map<String, Long> seeds = new LinkedHashMap<>();
        List<Persona> personas = new ArrayList<>();
        for (PackRequest pack : packs) {
            ApplyResult applied = seedReset.apply(ApplyRequest.of(pack).confirm(slug));
            seeds.put(applied.packId(), applied.seed());
            personas.addAll(applied.personas());
        }
        seedReset.createSnapshot(slug, APPLIED_STATE);
        seedReset.restore(RestoreRequest.snapshot(slug, APPLIED_STATE).confirm(slug));
        seedReset.setBaseline(slug, slug, APPLIED_STATE);
        ChangeLog.track(dataSource, organization.tenantKey());
        return new SeededOrganization(seedReset, dataSource, organization, seeds, personas);
    }

    public String slug() {
        return organization.slug();
    }

    public UUID id() {
        return organization.id();
    }

    /** The organization's key in the tenant column, as text: its id on the reference platform, your tenants table's key otherwise. */
    public String tenantKey() {
        return organization.tenantKey();
    }

    public Organization organization() {
        return organization;
    }

    /** The logins the packs created, in the order they were applied, with their published demo passwords. */
    public List<Persona> personas() {
        return personas;
    }

    /** The persona with this email or name, else the first with this role (any case); one line naming the choices when none matches. */
    public Persona persona(String emailNameOrRole) {
        return personas.stream().filter(p -> p.email().equalsIgnoreCase(emailNameOrRole) || p.name().equals(emailNameOrRole)).findFirst()
                .or(() -> personas.stream().filter(p -> p.role().equalsIgnoreCase(emailNameOrRole)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no persona '" + emailNameOrRole + "' in organization '" + slug()
                        + "': its personas are " + personas.stream().map(p -> p.email() + " (" + p.role() + ")")
                        .collect(Collectors.joining(", "))));
    }

    /** The id pack {@code packId} gave the {@code ordinal}-th {@code entity} here, with the seed it was applied with. */
    public UUID id(String packId, String entity, int ordinal) {
        Long seed = seeds.get(packId);
        if (seed == null) {
            throw new IllegalArgumentException("pack '" + packId + "' is not applied to organization '" + slug() + "': its packs are "
                    + String.join(", ", seeds.keySet()));
        }
        return PackContext.id(slug(), packId, seed, entity, ordinal);
    }

    /** The seed each pack was applied with, by pack id. */
    public Map<String, Long> seeds() {
        return seeds;
    }

    /**
     * Returns the organization to the state its packs were applied in (what the extension does after each test):
     * true when the logged changes were put back, false when it took a reset to the baseline snapshot.
     */
    public boolean restore() {
        if (ChangeLog.undo(dataSource, organization.tenantKey())) {
            return true;
        }
        seedReset.reset(ResetRequest.of(slug()).confirm(slug()));
        // The reset's own writes were logged as changes; the organization is as applied now.
        ChangeLog.forget(dataSource, organization.tenantKey());
        return false;
    }

    /** Stops logging, removes every seeded row and the baseline snapshot: the organization stays, empty. */
    void tearDown() {
        ChangeLog.untrack(dataSource, organization.tenantKey());
        seedReset.teardown(TeardownRequest.of(slug()).confirm(slug()));
        seedReset.setBaseline(slug(), slug(), null);
        seedReset.deleteSnapshot(slug(), APPLIED_STATE, slug());
    }

    @Override
    public String toString() {
        return "organization '" + slug() + "' (" + String.join(", ", seeds.keySet()) + ")";
    }
}
