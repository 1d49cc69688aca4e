package io.seedreset.platform.feedback;

import io.seedreset.api.json.SeedResetJson;
import io.seedreset.platform.delivery.Outbox;
import io.seedreset.platform.delivery.Retries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Forwards stored feedback to a webhook: one JSON POST per message ({@link Payload}), with the
 * message's id also in an {@code Idempotency-Key} header so that a receiver can drop the rare
 * repeat (a server that dies between the webhook's answer and its commit sends that one again).
 * Any 2xx answer delivers it; anything else, or no answer within the timeout, is a failed attempt,
 * retried with a growing delay ({@link Retries}). {@code seedreset serve} runs {@link #deliverPending()}
 * every few seconds; two servers on one database never forward a message twice ({@link Outbox}).
 */
public final class FeedbackDelivery {

    /** How long the webhook has to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String DUE = """
            SELECT f.id, f.attempts, o.slug, o.is_production, f.persona_email, f.message, f.page, f.created_at
              FROM operations.feedback f JOIN platform.organizations o ON o.id = f.organization_id
             WHERE f.status = 'pending' AND (f.next_attempt_at IS NULL OR f.next_attempt_at <= ?)
             ORDER BY f.next_attempt_at NULLS FIRST, f.created_at
             LIMIT 1
               FOR UPDATE OF f SKIP LOCKED""";

    /**
     * What the webhook receives, as JSON.
     *
     * @param demo    whether the organization is a demo, qa or sandbox one
     * @param persona the email of the person who wrote it
     * @param page    where they were, or null
     */
    public record Payload(UUID id, String organization, boolean demo, String persona, String message, String page, Instant createdAt) {
    }

    private final Outbox<Payload> outbox;

    public FeedbackDelivery(DataSource dataSource, Clock clock, URI webhook, Retries retries) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.outbox = new Outbox<>(dataSource, clock, retries, "operations.feedback", DUE,
                row -> new Payload(row.getObject("id", UUID.class), row.getString("slug"), !row.getBoolean("is_production"),
                        row.getString("persona_email"), row.getString("message"), row.getString("page"),
                        row.getTimestamp("created_at").toInstant()),
                payload -> post(http, webhook, payload));
    }

    /** Forwards every message due now; one the webhook refuses is retried later. */
    public Outbox.Run deliverPending() throws SQLException {
        return outbox.deliverDue();
    }

    private static void post(HttpClient http, URI webhook, Payload payload) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", payload.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(SeedResetJson.write(payload)))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered " + response.statusCode());
        }
    }
}
