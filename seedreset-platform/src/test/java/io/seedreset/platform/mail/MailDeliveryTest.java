package io.seedreset.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.seedreset.api.OrganizationKind;
import io.seedreset.platform.delivery.Outbox;
import io.seedreset.platform.delivery.Retries;
import io.seedreset.testing.TestTenant;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Production mail reaches a real SMTP server (GreenMail on loopback); a demo organization's never does,
 * whatever its status says; failures are retried and then given up; two deliverers on one database
 * never send a message twice.
 */
class MailDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private static final String FROM = "no-reply@platform.example";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private TestTenant tenant;
    private UUID demo;
    private UUID production;

    @BeforeEach
    void aDemoAndAProductionOrganization() {
        tenant = TestTenant.builder().organization("harbor-demo", "Harbor Events (demo)").clock(NOW).build();
        tenant.seedReset.createOrganization("harbor", "Harbor Events", OrganizationKind.PRODUCTION);
        demo = id("harbor-demo");
        production = id("harbor");
    }

    @Test
    void production_mail_reaches_smtp_and_demo_mail_never_does() throws Exception {
        UUID captured = send(demo, "prospect@example.org", "Your order ORD-1");
        UUID pending = send(production, "customer@example.com", "Your order ORD-2");
        assertThat(status(captured)).isEqualTo("captured");
        assertThat(status(pending)).isEqualTo("pending");

        Outbox.Run run = delivery(smtpPort(), Retries.DEFAULT).deliverPending();

        assertThat(run).isEqualTo(new Outbox.Run(1, 0, 0));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("customer@example.com");
        assertThat(received[0].getFrom()).extracting(Object::toString).containsExactly(FROM);
        assertThat(received[0].getSubject()).isEqualTo("Your order ORD-2");
        assertThat(received[0].getContent().toString().strip()).isEqualTo("Body of Your order ORD-2");
        assertThat(received[0].getHeader("X-Seedreset-Mail-Id")).containsExactly(pending.toString());
        assertThat(tenant.strings("SELECT status || ' ' || attempts || ' ' || (sent_at = '2026-11-21T09:00:00Z')"
                + " FROM operations.mail WHERE id = ?", pending)).containsExactly("sent 1 true");
        assertThat(status(captured)).as("captured mail stays captured").isEqualTo("captured");

        assertThat(delivery(smtpPort(), Retries.DEFAULT).deliverPending()).as("nothing twice").isEqualTo(new Outbox.Run(0, 0, 0));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_demo_organizations_message_left_pending_by_mistake_is_still_never_sent() throws Exception {
        UUID wronglyPending = send(demo, "prospect@example.org", "Welcome");
        tenant.execute("UPDATE operations.mail SET status = 'pending' WHERE id = ?", wronglyPending);

        assertThat(delivery(smtpPort(), Retries.DEFAULT).deliverPending()).isEqualTo(new Outbox.Run(0, 0, 0));

        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(status(wronglyPending)).isEqualTo("pending");
    }

    @Test
    void a_failed_attempt_waits_for_its_retry_and_the_last_one_gives_up() throws Exception {
        UUID message = send(production, "customer@example.com", "Your tickets");
        int closed = closedPort();
        Retries twice = new Retries(2, Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(delivery(closed, twice).deliverPending()).isEqualTo(new Outbox.Run(0, 1, 0));
        assertThat(tenant.strings("SELECT status || ' ' || attempts || ' ' || (next_attempt_at = '2026-11-21T09:00:30Z')"
                + " FROM operations.mail WHERE id = ?", message)).as("retried 30 seconds later").containsExactly("pending 1 true");
        assertThat(tenant.strings("SELECT last_error FROM operations.mail WHERE id = ?", message).get(0)).isNotBlank().doesNotContain("\n");
        assertThat(delivery(closed, twice).deliverPending()).as("not due before its retry").isEqualTo(new Outbox.Run(0, 0, 0));

        assertThat(delivery(closed, twice, NOW.plusSeconds(30)).deliverPending()).isEqualTo(new Outbox.Run(0, 0, 1));
        assertThat(status(message)).isEqualTo("failed");
        assertThat(delivery(smtpPort(), twice, NOW.plus(Duration.ofDays(1))).deliverPending()).as("given up").isEqualTo(new Outbox.Run(0, 0, 0));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void two_deliverers_on_one_database_send_every_message_exactly_once() throws Exception {
        List<UUID> messages = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            messages.add(send(production, "customer" + i + "@example.com", "Order " + i));
        }
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            Callable<Outbox.Run> server = () -> delivery(smtpPort(), Retries.DEFAULT).deliverPending();
            List<Future<Outbox.Run>> runs = servers.invokeAll(List.of(server, server));
            assertThat(runs.get(0).get().sent() + runs.get(1).get().sent()).isEqualTo(40);
        } finally {
            servers.shutdownNow();
        }
        List<String> ids = Arrays.stream(SMTP.getReceivedMessages()).map(MailDeliveryTest::mailId).toList();
        assertThat(ids).hasSize(40).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(messages.stream().map(UUID::toString).toList());
        assertThat(tenant.queryForLong("SELECT count(*) FROM operations.mail WHERE status = 'sent' AND attempts = 1")).isEqualTo(40);
    }

    private MailDelivery delivery(int port, Retries retries) {
        return delivery(port, retries, NOW);
    }

    private MailDelivery delivery(int port, Retries retries, Instant now) {
        return new MailDelivery(tenant.dataSource, Clock.fixed(now, ZoneOffset.UTC), new SmtpSettings("127.0.0.1", port, FROM,
                Duration.ofSeconds(5)), retries);
    }

    private UUID send(UUID organization, String recipient, String subject) throws SQLException {
        try (Connection connection = tenant.dataSource.getConnection()) {
            return Mailbox.send(connection, organization, new Mail("order_confirmation", recipient, subject, "Body of " + subject), NOW);
        }
    }

    private String status(UUID message) {
        return tenant.strings("SELECT status FROM operations.mail WHERE id = ?", message).get(0);
    }

    private UUID id(String slug) {
        return UUID.fromString(tenant.strings("SELECT id::text FROM platform.organizations WHERE slug = ?", slug).get(0));
    }

    private static int smtpPort() {
        return SMTP.getSmtp().getPort();
    }

    /** A loopback port nothing listens on: an SMTP server that is down. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String mailId(MimeMessage message) {
        try {
            return message.getHeader("X-Seedreset-Mail-Id")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
