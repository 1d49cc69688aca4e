package io.seedreset.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything a pack may derive values from: the organization, seed, anchor, mode and
 * parameters. Ids and random draws are keyed by (pack, entity, ordinal), so adding an entity
 * or a row never reshuffles the others, and the same inputs always give the same rows.
 */
public final class PackContext {

    private final String packId;
    private final String organizationSlug;
    private final long seed;
    private final Instant anchor;
    private final String mode;
    private final Map<String, Object> parameters;
    private final Map<String, Long> requiredSeeds;
    private final TenantReader reader;
    private final Map<String, Draw> draws = new HashMap<>();

    /**
     * @param requiredSeeds the seed each required pack was applied with in this organization
     * @param reader        read access to the organization's rows ({@link TenantReader#NONE} without a database)
     */
    public PackContext(String packId, String organizationSlug, long seed, Instant anchor, String mode,
                       Map<String, Object> parameters, Map<String, Long> requiredSeeds, TenantReader reader) {
        this.packId = Objects.requireNonNull(packId, "packId");
        this.organizationSlug = Objects.requireNonNull(organizationSlug, "organizationSlug");
        this.seed = seed;
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        this.requiredSeeds = Map.copyOf(requiredSeeds);
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** Convenience for packs run without a database and without required packs (unit tests). */
    public PackContext(String packId, String organizationSlug, long seed, Instant anchor, String mode,
                       Map<String, Object> parameters) {
        this(packId, organizationSlug, seed, anchor, mode, parameters, Map.of(), TenantReader.NONE);
    }

    public String organizationSlug() {
        return organizationSlug;
    }

    public long seed() {
        return seed;
    }

    /** The instant "now" means to this pack; every generated date is relative to it. */
    public Instant anchor() {
        return anchor;
    }

    public String mode() {
        return mode;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public int integer(String name) {
        return Math.toIntExact((Long) required(name));
    }

    public boolean bool(String name) {
        return (Boolean) required(name);
    }

    public String text(String name) {
        return (String) required(name);
    }

    /**
     * A key the database gives the {@code ordinal}-th {@code entity} from its table's identity or serial sequence
     * when the row is written ({@link Serial}): for tables keyed by numbers the application draws itself.
     */
    public Serial serial(String entity, int ordinal) {
        return new Serial(entity, ordinal);
    }

    /** The id of the {@code ordinal}-th {@code entity} of this pack in this organization. */
    public UUID id(String entity, int ordinal) {
        return derivedId(packId, seed, entity, ordinal);
    }

    /**
     * The id a required pack gave its entity here, with the seed it was applied with: how a
     * scenario refers to the rows it builds on without reading them.
     */
    public UUID idOf(String requiredPackId, String entity, int ordinal) {
        Long requiredSeed = requiredSeeds.get(requiredPackId);
        if (requiredSeed == null) {
            throw new IllegalArgumentException("pack '" + packId + "' does not require pack '" + requiredPackId
                    + "': declare it in the descriptor's requires");
        }
        return derivedId(requiredPackId, requiredSeed, entity, ordinal);
    }

    /** Reads rows of this organization, e.g. the rows of a required pack a scenario changes. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        return reader.query(sql, parameters);
    }

    private UUID derivedId(String pack, long packSeed, String entity, int ordinal) {
        return id(organizationSlug, pack, packSeed, entity, ordinal);
    }

    /**
     * The id {@link #id(String, int)} gives the {@code ordinal}-th {@code entity} of pack {@code packId} applied
     * with {@code seed} to the organization {@code organizationSlug}: how a test finds a seeded row without reading it.
     */
    public static UUID id(String organizationSlug, String packId, long seed, String entity, int ordinal) {
        return UUID.nameUUIDFromBytes((organizationSlug + '/' + packId + '/' + seed + '/' + entity + '/' + ordinal)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The random draw for one row. The returned object is reseeded by the next call for the
     * same entity, so finish one row before drawing the next of the same entity.
     */
    public Draw draw(String entity, int ordinal) {
        Draw draw = draws.computeIfAbsent(entity, e -> new Draw());
        draw.reseed(streamSeed(entity, ordinal));
        return draw;
    }

    private long streamSeed(String entity, int ordinal) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((packId + '/' + seed + '/' + entity + '/' + ordinal).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Object required(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("pack '" + packId + "' has no parameter '" + name + "'");
        }
        return value;
    }
}
