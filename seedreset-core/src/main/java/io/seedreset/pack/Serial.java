package io.seedreset.pack;

import java.util.Objects;

/**
 * A key the database gives: the {@code ordinal}-th {@code entity} of the pack, drawn from its table's identity or
 * serial sequence when apply writes the row, as the application's own inserts get theirs. Use it as the row's key
 * ({@code Row.withKey(context.serial("team", 0))}) and wherever another row refers to that row
 * ({@code .set("team_id", context.serial("team", 0))}); a row must be added before the rows that refer to it.
 *
 * <p>Keys of a single-column primary key are shared by every tenant, so explicit numbers would collide between
 * two organizations applying the same pack; serials never do, and need no sequence moved afterwards. Unlike
 * {@link PackContext#id}, the numbers differ between applies (and databases): plan shows them as
 * {@code <entity #ordinal>}, and its hash covers them that way, so the reviewed plan still matches.
 */
public final class Serial {

    private final String entity;
    private final int ordinal;

    Serial(String entity, int ordinal) {
        this.entity = Objects.requireNonNull(entity, "entity");
        this.ordinal = ordinal;
    }

    public String entity() {
        return entity;
    }

    public int ordinal() {
        return ordinal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Serial serial && serial.entity.equals(entity) && serial.ordinal == ordinal;
    }

    @Override
    public int hashCode() {
        return entity.hashCode() * 31 + ordinal;
    }

    /** How plan shows it: {@code <team #0>}. */
    @Override
    public String toString() {
        return "<" + entity + " #" + ordinal + ">";
    }
}
