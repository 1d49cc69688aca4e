package io.seedreset.platform.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.seedreset.platform.delivery.Outbox;
import io.seedreset.platform.delivery.Retries;
import io.seedreset.testing.TestTenant;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feedback is stored first and forwarded to a real webhook (an HTTP server on loopback) that fails,
 * then recovers: nothing is lost, and once it recovers every message arrives exactly once.
 */
class FeedbackDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTenant tenant;
    private UUID organization;
    private HttpServer webhook;
    /** The webhook answers this status; 500 while it is "down". */
    private final AtomicInteger answer = new AtomicInteger(500);
    /** What the webhook was sent, with the status it answered. */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aTenantAndAWebhook() throws Exception {
        tenant = TestTenant.builder().organization("harbor-demo", "Harbor Events (demo)").clock(NOW).build();
        organization = UUID.fromString(tenant.organizationId());
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.get();
            received.add(body);
            if (status == 200) {
                accepted.add(body);
                idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopTheWebhook() {
        webhook.stop(0);
    }

    @Test
    void a_webhook_that_is_down_loses_nothing_and_gets_each_message_once_after_it_recovers() throws Exception {
        FeedbackBox box = new FeedbackBox(tenant.dataSource);
        List<UUID> stored = List.of(
                box.store(organization, "maya.chen@example.org", "The seat map is lovely", "/events/42", NOW),
                box.store(organization, "maya.chen@example.org", "Checkout asked twice for my email", null, NOW),
                box.store(organization, "sam.ortiz@example.org", "Où est le bouton « payer » ?", "/checkout", NOW));

        assertThat(delivery(NOW).deliverPending()).as("the webhook is down").isEqualTo(new Outbox.Run(0, 3, 0));
        assertThat(received).hasSize(3);
        assertThat(tenant.strings("SELECT status || ' ' || attempts || ' ' || last_error FROM operations.feedback ORDER BY created_at"))
                .containsOnly("pending 1 the webhook answered 500");

        answer.set(200);
        assertThat(delivery(NOW.plusSeconds(10)).deliverPending()).as("not before the retry is due").isEqualTo(new Outbox.Run(0, 0, 0));
        assertThat(delivery(NOW.plus(Duration.ofMinutes(1))).deliverPending()).isEqualTo(new Outbox.Run(3, 0, 0));
        assertThat(delivery(NOW.plus(Duration.ofHours(2))).deliverPending()).as("nothing twice").isEqualTo(new Outbox.Run(0, 0, 0));

        assertThat(accepted.stream().map(FeedbackDeliveryTest::id).toList()).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(idempotencyKeys).as("the id again, in a header").isEqualTo(accepted.stream().map(body -> id(body).toString()).toList());
        JsonNode first = accepted.stream().map(FeedbackDeliveryTest::json).filter(p -> p.get("id").asText().equals(stored.get(2).toString()))
                .findFirst().orElseThrow();
        assertThat(first.get("organization").asText()).isEqualTo("harbor-demo");
        assertThat(first.get("demo").asBoolean()).isTrue();
        assertThat(first.get("persona").asText()).isEqualTo("sam.ortiz@example.org");
        assertThat(first.get("message").asText()).isEqualTo("Où est le bouton « payer » ?");
        assertThat(first.get("page").asText()).isEqualTo("/checkout");
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-11-21T09:00:00Z");
        assertThat(tenant.strings("SELECT DISTINCT status || ' ' || attempts FROM operations.feedback")).containsExactly("sent 2");
    }

    @Test
    void a_message_the_webhook_keeps_refusing_is_given_up_after_its_last_attempt_and_kept() throws Exception {
        UUID id = new FeedbackBox(tenant.dataSource).store(organization, "maya.chen@example.org", "Hello", null, NOW);
        Retries twice = new Retries(2, Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(delivery(NOW, twice).deliverPending()).isEqualTo(new Outbox.Run(0, 1, 0));
        assertThat(delivery(NOW.plusSeconds(30), twice).deliverPending()).isEqualTo(new Outbox.Run(0, 0, 1));

        assertThat(tenant.strings("SELECT status || ' ' || message FROM operations.feedback WHERE id = ?", id)).containsExactly("failed Hello");
    }

    private FeedbackDelivery delivery(Instant now) {
        return delivery(now, Retries.DEFAULT);
    }

    private FeedbackDelivery delivery(Instant now, Retries retries) {
        URI hook = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook");
        return new FeedbackDelivery(tenant.dataSource, Clock.fixed(now, ZoneOffset.UTC), hook, retries);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static UUID id(String body) {
        return UUID.fromString(json(body).get("id").asText());
    }
}
