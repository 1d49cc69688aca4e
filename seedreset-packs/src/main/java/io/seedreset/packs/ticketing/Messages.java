package io.seedreset.packs.ticketing;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.ticketing.Personas.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Notification preferences and the notifications sent under them. A message goes out only on a
 * channel and kind its user has enabled, except account messages (welcome, security), which every
 * platform sends regardless; the transactional ones (order updates and transfers by email) cannot
 * be switched off, as at checkout on any ticketing site.
 */
final class Messages {

    enum Channel { EMAIL, SMS, PUSH }

    enum Kind { ACCOUNT, ORDER_UPDATE, EVENT_REMINDER, TICKET_TRANSFER, PROMOTION, SALES_REPORT }

    /** One preference row. */
    record Preference(Channel channel, Kind kind, boolean enabled) {
    }

    /** How many preference keys a user reserves, so one user's rows never renumber another's. */
    private static final int PREFERENCES_PER_USER = 8;
    /** How many notification keys one order or one user reserves. */
    static final int MESSAGES_PER_KEY = 4;

    private final PackContext ctx;
    private final RowSink sink;

    Messages(PackContext ctx, RowSink sink) {
        this.ctx = ctx;
        this.sink = sink;
    }

    /**
     * A user's preferences, derived from the user alone so that whoever sends a message can ask
     * whether it is wanted without remembering every user's rows.
     */
    List<Preference> preferences(int user, Role role) {
        Draw draw = ctx.draw("preference_choice", user);
        List<Preference> preferences = new ArrayList<>();
        if (role == Role.CUSTOMER) {
            preferences.add(new Preference(Channel.EMAIL, Kind.ORDER_UPDATE, true));
            preferences.add(new Preference(Channel.EMAIL, Kind.TICKET_TRANSFER, true));
            preferences.add(new Preference(Channel.EMAIL, Kind.EVENT_REMINDER, draw.chance(0.9)));
            preferences.add(new Preference(Channel.EMAIL, Kind.PROMOTION, draw.chance(0.6)));
            preferences.add(new Preference(Channel.SMS, Kind.EVENT_REMINDER, draw.chance(0.35)));
            preferences.add(new Preference(Channel.PUSH, Kind.ORDER_UPDATE, draw.chance(0.5)));
        } else {
            preferences.add(new Preference(Channel.EMAIL, Kind.SALES_REPORT, role != Role.SCANNER));
            preferences.add(new Preference(Channel.PUSH, Kind.EVENT_REMINDER, role == Role.SCANNER));
            preferences.add(new Preference(Channel.EMAIL, Kind.ORDER_UPDATE, role == Role.ADMIN));
        }
        return preferences;
    }

    boolean wants(int user, Role role, Channel channel, Kind kind) {
        return kind == Kind.ACCOUNT || preferences(user, role).stream()
                .anyMatch(p -> p.channel() == channel && p.kind() == kind && p.enabled());
    }

    void writePreferences(int user, UUID userId, Role role) {
        List<Preference> preferences = preferences(user, role);
        for (int k = 0; k < preferences.size(); k++) {
            Preference preference = preferences.get(k);
            sink.add("ticketing.notification_preferences", Row.withId(ctx.id("notification_preference", user * PREFERENCES_PER_USER + k))
                    .set("user_id", userId)
                    .set("channel", preference.channel().name())
                    .set("kind", preference.kind().name())
                    .set("enabled", preference.enabled()));
        }
    }

    /**
     * Sends one notification if its user wants it. {@code entity} and {@code key} name its id;
     * most are read within a day, some never, none after the anchor.
     */
    void send(String entity, int key, int user, UUID userId, Role role, Channel channel, Kind kind, String subject,
              String body, Instant sentAt) {
        if (!wants(user, role, channel, kind)) {
            return;
        }
        Draw draw = ctx.draw(entity + "_read", key);
        Instant readAt = null;
        if (draw.chance(0.75)) {
            Instant read = sentAt.plus(Duration.ofMinutes(draw.between(3, 36 * 60)));
            readAt = read.isBefore(ctx.anchor()) ? read : null;
        }
        sink.add("ticketing.notifications", Row.withId(ctx.id(entity, key))
                .set("user_id", userId)
                .set("channel", channel.name())
                .set("kind", kind.name())
                .set("subject", subject)
                .set("body", body)
                .set("sent_at", sentAt)
                .set("read_at", readAt));
    }
}
