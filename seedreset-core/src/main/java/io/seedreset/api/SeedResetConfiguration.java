package io.seedreset.api;

import io.seedreset.pack.SeedPack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Fluent configuration for {@link SeedReset}; {@link #load()} validates it and returns the
 * immutable instance. Every default lives here, next to its setter.
 */
public final class SeedResetConfiguration {

    /** How long an operation waits for an organization another operation holds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(3);
    /** Backups kept per organization: every reset (and an apply asked to) snapshots the organization first. */
    public static final int DEFAULT_BACKUPS_KEPT = 5;
    /** The engine's own migrations, then every module's folder under {@code db/modules/<module>}. */
    public static final List<String> DEFAULT_MIGRATION_LOCATIONS = List.of("classpath:db/seedreset", "classpath:db/modules");

    DataSource dataSource;
    final List<SeedPack> packs = new ArrayList<>();
    boolean discoverPacks = true;
    String actor = System.getProperty("user.name", "unknown");
    Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;
    int backupsKept = DEFAULT_BACKUPS_KEPT;
    Clock clock = Clock.systemUTC();
    Progress progress = Progress.NONE;
    List<String> migrationLocations = DEFAULT_MIGRATION_LOCATIONS;
    Tenancy tenancy;

    SeedResetConfiguration() {
    }

    /** The PostgreSQL database to work on. Required. */
    public SeedResetConfiguration dataSource(DataSource dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    /** Registers packs explicitly, in addition to those ServiceLoader discovers. */
    public SeedResetConfiguration packs(SeedPack... packs) {
        this.packs.addAll(List.of(packs));
        return this;
    }

    /** Whether to discover packs with ServiceLoader (default true). */
    public SeedResetConfiguration discoverPacks(boolean discover) {
        this.discoverPacks = discover;
        return this;
    }

    /** Who is acting, recorded on applications and audit entries (default: the OS user). */
    public SeedResetConfiguration actor(String actor) {
        this.actor = actor;
        return this;
    }

    /** How long to wait for an organization that another operation holds (default 3 s). */
    public SeedResetConfiguration busyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
        return this;
    }

    /** The clock that default anchors are read from (default: the system clock, UTC). Packs never see it. */
    /**
     * How many backups to keep per organization (default {@value #DEFAULT_BACKUPS_KEPT}): every reset,
     * and an apply that asks for one, first takes a snapshot of kind {@code backup}; older ones beyond
     * this many are deleted. 0 takes none.
     */
    public SeedResetConfiguration backupsKept(int kept) {
        this.backupsKept = kept;
        return this;
    }

    public SeedResetConfiguration clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Receives progress of long work (default: none). */
    public SeedResetConfiguration progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** Flyway locations of the schema that init creates (default: {@link #DEFAULT_MIGRATION_LOCATIONS}). */
    public SeedResetConfiguration migrationLocations(String... locations) {
        this.migrationLocations = List.of(locations);
        return this;
    }

    /**
     * How the application keeps its tenants ({@link Tenancy}): {@code init} stores it in the database, and every
     * operation after reads it from there. Not set: init keeps what the database holds ({@link Tenancy#DEFAULT}
     * on a new one). Init refuses to change it once organizations exist.
     */
    public SeedResetConfiguration tenancy(Tenancy tenancy) {
        this.tenancy = tenancy;
        return this;
    }

    /** A settings file's migrations and tenancy ({@link Settings}), each when it gives one. */
    public SeedResetConfiguration settings(Settings settings) {
        if (settings.migrations() != null) {
            this.migrationLocations = settings.migrations();
        }
        if (settings.tenancy() != null) {
            this.tenancy = settings.tenancy();
        }
        return this;
    }

    /** Validates the configuration before any connection is opened. */
    public SeedReset load() {
        if (clock == null || progress == null) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "SeedReset needs a clock and a progress (Progress.NONE reports nothing)");
        }
        if (dataSource == null) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "SeedReset needs a dataSource: call configure().dataSource(ds)");
        }
        if (actor == null || actor.isBlank()) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "SeedReset needs an actor: configure().actor(name)");
        }
        if (backupsKept < 0 || backupsKept > 1000) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "backupsKept must be 0-1000, was " + backupsKept);
        }
        if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.isZero()) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "busyTimeout must be positive, was " + busyTimeout);
        }
        if (migrationLocations.isEmpty()) {
            throw new SeedResetException(SeedResetException.Reason.INVALID_CONFIGURATION, "migrationLocations must name at least one location");
        }
        return new SeedReset(this);
    }
}
