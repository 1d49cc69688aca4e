package com.example.helpdesk.seed;

import io.seedreset.pack.Draw;
import io.seedreset.pack.Invariant;
import io.seedreset.pack.Mode;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.PackDescriptor;
import io.seedreset.pack.Parameter;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.pack.SeedPack;
import io.seedreset.pack.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A helpdesk workspace a few months into using the product: a support team (a lead and agents), the companies it
 * supports, and their tickets over the last 120 days with the replies on them. Older tickets are mostly solved,
 * recent ones still open or waiting on the customer; now and then a customer writes twice about one problem and an
 * agent merges the second ticket into the first.
 *
 * <p>Every table is keyed by a {@code bigint} identity, so rows take {@link Serial} keys: the database draws them
 * from the application's own sequences when apply writes the rows, as the application's inserts get theirs, and
 * two organizations seeded with this pack never collide. Dates are relative to the anchor, every random value
 * comes from the context's draws: the same seed gives the same workspace.
 */
public final class HelpdeskStarterPack implements SeedPack {

    public static final String ID = "helpdesk-starter";
    /** How far back the tickets go. */
    static final Duration HISTORY = Duration.ofDays(120);

    private static final List<String> SUBJECTS = List.of(
            "Cannot sign in after the password reset",
            "Invoice charged twice this month",
            "CSV export times out for reports over a year",
            "Webhook deliveries to our CRM are failing",
            "Please add a second admin to our account",
            "Mobile app crashes when attaching a photo",
            "Question about switching to the annual plan",
            "SSO with Okta: users land on an error page",
            "Notification emails end up in spam",
            "How do we merge two customer records?",
            "Dashboard still shows yesterday's numbers",
            "Refund for the seats we no longer use",
            "API returns 429 during our nightly sync",
            "Custom field values lost after the import");
    private static final List<String> ANSWERS = List.of(
            "Thanks for the details. I have reproduced it on our side and our engineers are on it; I will update you here.",
            "Could you send us a screenshot and the time it happened? That lets us find the request in our logs.",
            "This is fixed now: it was a cache that did not refresh. Please try again and let us know.",
            "I have made the change on your account. You should see it after signing in again.");
    private static final List<String> THANKS = List.of(
            "That did it, thank you!", "Works now. Thanks for the quick help.", "Confirmed on our side, you can close this.");

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor(ID, "1.0.0", "Helpdesk starter",
                "A support team, the companies it supports and four months of their tickets and replies.",
                List.of("helpdesk"),
                List.of(Mode.of("default", "a team of six, 18 customers, 80 tickets", Map.of()),
                        Mode.of("minimal", "two agents, three customers, ten tickets: the fastest to seed",
                                Map.of("agents", 2L, "customers", 3L, "tickets", 10L)),
                        Mode.of("busy", "a team of twelve, 120 customers, 1,500 tickets",
                                Map.of("agents", 12L, "customers", 120L, "tickets", 1500L))),
                List.of(Parameter.integer("agents", "support agents, the first of them the team lead", 6, 1, 100),
                        Parameter.integer("customers", "companies the team supports", 18, 1, 1000),
                        Parameter.integer("tickets", "tickets over the last 120 days", 80, 1, 20_000)),
                List.of());
    }

    @Override
    public void generate(PackContext context, RowSink sink) {
        int agents = context.integer("agents");
        int customers = context.integer("customers");
        String teamDomain = context.organizationSlug() + ".example";
        Set<String> emails = new HashSet<>();
        for (int a = 0; a < agents; a++) {
            Draw draw = context.draw("agent", a);
            String first = draw.faker().name().firstName();
            String last = draw.faker().name().lastName();
            String email = mailbox(first + "." + last, teamDomain);
            // Two agents with one name get one address each, as a mail admin would give them.
            String unique = emails.add(email) ? email : mailbox(first + "." + last + (a + 1), teamDomain);
            emails.add(unique);
            sink.add("helpdesk.agents", Row.withKey(context.serial("agent", a)).set("full_name", first + " " + last)
                    .set("email", unique).set("role", a == 0 ? "lead" : "agent"));
        }
        for (int c = 0; c < customers; c++) {
            Draw draw = context.draw("customer", c);
            String company = draw.faker().company().name();
            String first = draw.faker().name().firstName();
            String last = draw.faker().name().lastName();
            sink.add("helpdesk.customers", Row.withKey(context.serial("customer", c)).set("company", company)
                    .set("contact_name", first + " " + last)
                    .set("email", mailbox(first + "." + last, company.replaceAll("[^A-Za-z0-9]", "") + ".example")));
        }
        tickets(context, sink, agents, customers);
    }

    /** Tickets in the order they were opened, spread evenly over {@link #HISTORY}, each with its replies. */
    private static void tickets(PackContext context, RowSink sink, int agents, int customers) {
        int tickets = context.integer("tickets");
        Instant anchor = context.anchor();
        Instant start = anchor.minus(HISTORY);
        Duration slot = HISTORY.dividedBy(tickets);
        Map<Integer, Integer> lastTicketOf = new HashMap<>();
        String[] subjects = new String[tickets];
        int reply = 0;
        for (int t = 0; t < tickets; t++) {
            Draw draw = context.draw("ticket", t);
            int customer = draw.between(0, customers - 1);
            Instant opened = draw.instantBetween(start.plus(slot.multipliedBy(t)), start.plus(slot.multipliedBy(t + 1)));
            Integer original = lastTicketOf.get(customer);
            boolean duplicate = original != null && draw.chance(0.08);
            String priority = duplicate ? "normal" : priority(draw);
            String status = duplicate ? "solved" : status(draw, Duration.between(opened, anchor));
            boolean assigned = !status.equals("open") || priority.equals("urgent") || draw.chance(0.6);
            Integer assignee = assigned ? draw.between(0, agents - 1) : null;
            Instant solved = status.equals("solved") ? solvedAt(draw, opened, anchor, duplicate) : null;
            subjects[t] = duplicate ? subjects[original] : draw.pick(SUBJECTS);

            Serial ticket = context.serial("ticket", t);
            sink.add("helpdesk.tickets", Row.withKey(ticket)
                    .set("customer_id", context.serial("customer", customer))
                    .set("assignee_id", assignee == null ? null : context.serial("agent", assignee))
                    .set("priority", priority).set("status", status).set("subject", subjects[t])
                    .set("duplicate_of", duplicate ? context.serial("ticket", original) : null)
                    .set("opened_at", opened).set("solved_at", solved));
            lastTicketOf.put(customer, t);

            // The agent answers every ticket but fresh open ones, often enough not all: the dashboard's overdue list.
            if (assignee != null && !duplicate && (!status.equals("open") || draw.chance(0.4))) {
                Instant until = solved == null ? anchor : solved;
                Instant answered = opened.plus(Duration.between(opened, until).multipliedBy(draw.between(10, 60)).dividedBy(100));
                String body = status.equals("pending") ? ANSWERS.get(1) : draw.pick(ANSWERS);
                addReply(context, sink, reply++, ticket, context.serial("agent", assignee), body, answered);
                if (solved != null && draw.chance(0.7)) {
                    addReply(context, sink, reply++, ticket, null, draw.pick(THANKS), solved);
                }
            }
        }
    }

    private static void addReply(PackContext context, RowSink sink, int ordinal, Serial ticket, Serial agent, String body, Instant sent) {
        sink.add("helpdesk.replies", Row.withKey(context.serial("reply", ordinal)).set("ticket_id", ticket)
                .set("agent_id", agent).set("body", body).set("sent_at", sent));
    }

    /** Mostly normal; about one in sixteen urgent. */
    private static String priority(Draw draw) {
        int roll = draw.between(1, 100);
        return roll <= 6 ? "urgent" : roll <= 25 ? "high" : roll <= 80 ? "normal" : "low";
    }

    /** Old tickets are solved; the last few days' are still being worked on. */
    private static String status(Draw draw, Duration age) {
        int roll = draw.between(1, 100);
        if (age.toMinutes() < 60) {
            return "open";
        }
        if (age.toDays() >= 21) {
            return roll <= 95 ? "solved" : "pending";
        }
        if (age.toDays() >= 3) {
            return roll <= 70 ? "solved" : roll <= 85 ? "pending" : "open";
        }
        return roll <= 20 ? "solved" : roll <= 40 ? "pending" : "open";
    }

    /** Within six days of opening (a merged duplicate within two hours), and never after the anchor. */
    private static Instant solvedAt(Draw draw, Instant opened, Instant anchor, boolean duplicate) {
        Instant latest = opened.plus(duplicate ? Duration.ofHours(2) : Duration.ofDays(6));
        Instant until = latest.isBefore(anchor) ? latest : anchor;
        return draw.instantBetween(opened.plus(Duration.ofMinutes(Math.min(30, Duration.between(opened, until).toMinutes() / 2))), until);
    }

    private static String mailbox(String local, String domain) {
        return (local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "") + "@" + domain.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<Invariant> invariants() {
        return List.of(
                new Invariant("a solved ticket was solved after it was opened", """
                        SELECT 'ticket ' || id || ' (' || subject || ')' FROM helpdesk.tickets
                         WHERE tenant_id = :org AND solved_at < opened_at"""),
                new Invariant("a pending ticket waits on the customer: an agent has replied to it", """
                        SELECT 'ticket ' || t.id || ' (' || t.subject || ')' FROM helpdesk.tickets t
                         WHERE t.tenant_id = :org AND t.status = 'pending'
                           AND NOT EXISTS (SELECT 1 FROM helpdesk.replies r WHERE r.ticket_id = t.id AND r.agent_id IS NOT NULL)"""),
                new Invariant("a duplicate is solved and is the same customer's as the ticket it duplicates", """
                        SELECT 'ticket ' || d.id || ' duplicates ' || o.id FROM helpdesk.tickets d
                          JOIN helpdesk.tickets o ON o.id = d.duplicate_of
                         WHERE d.tenant_id = :org AND (d.status <> 'solved' OR o.customer_id <> d.customer_id OR o.opened_at > d.opened_at)"""),
                new Invariant("a reply is sent between its ticket's opening and its solving", """
                        SELECT 'reply ' || r.id || ' on ticket ' || t.id FROM helpdesk.replies r JOIN helpdesk.tickets t ON t.id = r.ticket_id
                         WHERE r.tenant_id = :org AND (r.sent_at < t.opened_at OR r.sent_at > t.solved_at)"""));
    }
}
