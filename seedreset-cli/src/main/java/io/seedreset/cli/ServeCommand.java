package io.seedreset.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.seedreset.api.SeedReset;
import io.seedreset.platform.delivery.Outbox;
import io.seedreset.platform.delivery.Retries;
import io.seedreset.platform.feedback.FeedbackDelivery;
import io.seedreset.platform.mail.MailDelivery;
import io.seedreset.platform.mail.SmtpSettings;
import io.seedreset.platform.schedule.JobCatalogue;
import io.seedreset.platform.schedule.Schedules;
import io.seedreset.platform.staff.Staff;
import io.seedreset.platform.uploads.UploadStore;
import io.seedreset.platform.uploads.Uploads;
import io.seedreset.server.Deliveries;
import io.seedreset.server.PlatformApi;
import io.seedreset.server.RateLimits;
import io.seedreset.server.SeedResetServer;
import io.seedreset.server.ServerSettings;
import io.seedreset.server.admin.AdminApi;
import io.seedreset.server.admin.StaffDesk;
import io.seedreset.server.console.StaffConsole;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code seedreset serve}: the platform API, on the embedded PostgreSQL (kept running while the
 * server runs) or on --url, and the scheduled jobs ({@code seedreset schedule}). Runs until Ctrl-C or
 * SIGTERM, then stops the server, the scheduler and the database it started, in that order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the platform API over HTTP until Ctrl-C or SIGTERM.",
                "On the embedded PostgreSQL (kept running while it serves) or on --url; the database must be initialised ('seedreset init')."})
final class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.ParentCommand
    SeedresetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:SEEDRESET_PORT:-" + ServerSettings.DEFAULT_PORT + "}",
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}; SEEDRESET_PORT)")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "${env:SEEDRESET_BIND:-" + ServerSettings.DEFAULT_BIND + "}",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; SEEDRESET_BIND)")
    String bind;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:SEEDRESET_RATE_LIMIT:-" + RateLimits.DEFAULT_REQUESTS_PER_SECOND + "}",
            description = "requests a second per caller (a signed-in person, else an address), GET /health aside; 0: no limit "
                    + "(default: ${DEFAULT-VALUE}; SEEDRESET_RATE_LIMIT)")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:SEEDRESET_RATE_BURST}",
            description = "requests a caller may make at once before --rate-limit applies (default: twice --rate-limit; SEEDRESET_RATE_BURST)")
    Integer rateBurst;

    @Option(names = "--sign-in-limit", paramLabel = "N",
            defaultValue = "${env:SEEDRESET_SIGN_IN_LIMIT:-" + RateLimits.DEFAULT_SIGN_INS_PER_MINUTE + "}",
            description = "sign-in requests a minute per address, on top of --rate-limit; 0: no limit (default: ${DEFAULT-VALUE}; SEEDRESET_SIGN_IN_LIMIT)")
    int signInLimit;

    @Option(names = "--sign-in-paths", paramLabel = "PREFIX", split = ",",
            defaultValue = "${env:SEEDRESET_SIGN_IN_PATHS:-" + RateLimits.DEFAULT_SIGN_IN_PATH + "}",
            description = "the routes --sign-in-limit applies to, by prefix, comma-separated (default: ${DEFAULT-VALUE}; SEEDRESET_SIGN_IN_PATHS)")
    List<String> signInPaths;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "${env:SEEDRESET_DB_POOL:-10}",
            description = "database connections the API keeps open and shares between requests (default: ${DEFAULT-VALUE}; SEEDRESET_DB_POOL)")
    int dbPool;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "${env:SEEDRESET_SMTP_HOST}",
            description = "the SMTP server production organizations' mail goes out through (default: none, their mail stays pending;"
                    + " demo, qa and sandbox mail is never sent; SEEDRESET_SMTP_HOST)")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "${env:SEEDRESET_SMTP_PORT:-" + SmtpSettings.DEFAULT_PORT + "}",
            description = "its port (default: ${DEFAULT-VALUE}; SEEDRESET_SMTP_PORT)")
    int smtpPort;

    @Option(names = "--smtp-from", paramLabel = "ADDRESS", defaultValue = "${env:SEEDRESET_SMTP_FROM}",
            description = "the address production mail is sent from; required with --smtp-host (SEEDRESET_SMTP_FROM)")
    String smtpFrom;

    @Option(names = "--feedback-webhook", paramLabel = "URL", defaultValue = "${env:SEEDRESET_FEEDBACK_WEBHOOK}",
            description = "where POST /api/v1/feedback's messages are forwarded, as JSON, with retries (default: none, they are stored"
                    + " only; SEEDRESET_FEEDBACK_WEBHOOK)")
    String feedbackWebhook;

    @Option(names = "--uploads-dir", paramLabel = "DIR", description = "where uploaded files (events' images, bills' receipts) are kept"
            + " (default: SEEDRESET_UPLOADS_DIR, else beside the embedded database's data directory, ~/.seedreset/pgdata.uploads)")
    Path uploadsDirectory;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = settings();
        SmtpSettings smtp = smtp();
        URI webhook = webhook();
        SeedReset seedReset = root.seedReset();
        // Fail now, with the engine's own advice, on a database that is missing or not initialised.
        seedReset.organizations();
        // A request borrows one of a few open connections instead of opening its own (a new server process each time).
        HikariDataSource pool = pool(root.dataSource(), dbPool);
        Clock clock = Clock.systemUTC();
        UploadStore uploads = root.uploadStore(uploadsDirectory);
        PlatformApi platform = new PlatformApi(pool, clock, uploads);
        Staff staff = new Staff(pool, clock);
        // One desk for the admin API and the console, so that an organization is busy for both at once.
        StaffDesk desk = new StaffDesk(seedReset, pool, clock, platform);
        SeedResetServer server = new SeedResetServer(seedReset, settings).routes(platform)
                .routes(new AdminApi(desk, staff)).routes(new StaffConsole(desk, staff, clock));
        Deliveries deliveries = new Deliveries(deliverers(pool, smtp, webhook));
        // Every server runs due schedules; db-scheduler lets one of them pick each due job.
        Schedules.Running scheduler = new Schedules(seedReset, pool, clock, JobCatalogue.standard(uploads))
                .start(Schedules.Settings.DEFAULT, "serve " + ManagementFactory.getRuntimeMXBean().getName());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The JVM does not wait for this command to return once the hooks are done: stop everything here.
            server.close();
            // Waits for a running job (up to its stop wait) while the pool is still open for it.
            scheduler.close();
            deliveries.close();
            pool.close();
            root.close();
            stopped.countDown();
        }, "seedreset-serve-stop"));
        int listening = server.start();
        root.printer().line("Serving the platform API on http://%s:%d (GET /health); Ctrl-C stops it.", hostForUrl(bind), listening);
        root.printer().line("Sign in as a persona: POST /api/v1/auth/login {\"organization\", \"email\", \"password\"} (the logins"
                + " 'seedreset apply' prints; docs/DEMO_DATA.md lists them), then send 'Authorization: Bearer <token>', or send an API token"
                + " 'seedreset apply' printed ('seedreset tokens issue' makes new ones).");
        root.printer().line("Staff: the console at http://%s:%d/console and the admin API under /api/admin/v1 take a staff token"
                + " ('seedreset staff create <name>' prints one); /openapi.json describes every route.", hostForUrl(bind), listening);
        root.printer().line("Mail: %s; demo, qa and sandbox organizations' mail is captured, never sent ('seedreset mail --org SLUG' reads it).",
                smtp == null ? "no --smtp-host, so production organizations' mail stays pending"
                        : "production organizations' mail goes out through " + smtp.host() + ":" + smtp.port());
        root.printer().line("Feedback: %s.", webhook == null ? "no --feedback-webhook, so it is stored and not forwarded"
                // The path of a webhook URL is often its secret: only the host is printed.
                : "stored and forwarded to the webhook at " + webhook.getScheme() + "://" + webhook.getAuthority());
        root.printer().line("Uploads: kept in %s (at most %d bytes each); 'seedreset uploads purge' deletes demo organizations' old ones.",
                uploads.root(), Uploads.MAX_BYTES);
        root.printer().line("Schedules: due jobs run here, once among the servers on this database ('seedreset schedule list' shows them).");
        root.out().flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** The options, checked: a bad one is a usage error naming it. */
    ServerSettings settings() {
        if (port < 0 || port > 65_535) {
            throw usage("--port " + port + ": use 1-65535, or 0 for any free port");
        }
        if (bind == null || bind.isBlank()) {
            throw usage("--bind is empty: give an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        if (rateLimit < 0 || rateLimit > RateLimits.MAX_RATE) {
            throw usage("--rate-limit " + rateLimit + ": use 1-" + RateLimits.MAX_RATE + " requests a second, or 0 for no limit");
        }
        int burst = rateBurst != null ? rateBurst : Math.max(1, 2 * rateLimit);
        if (burst < 1) {
            throw usage("--rate-burst " + burst + ": use 1 or more");
        }
        if (signInLimit < 0 || signInLimit > RateLimits.MAX_RATE) {
            throw usage("--sign-in-limit " + signInLimit + ": use 1-" + RateLimits.MAX_RATE + " a minute, or 0 for no limit");
        }
        if (dbPool < 1 || dbPool > 200) {
            throw usage("--db-pool " + dbPool + ": use 1-200 connections");
        }
        for (String path : signInPaths) {
            if (!path.startsWith("/")) {
                throw usage("--sign-in-paths: '" + path + "' is not a path: each starts with /, e.g. /api/v1/auth/login");
            }
        }
        return new ServerSettings(bind, port, ServerSettings.DEFAULT_MAX_REQUEST_BYTES,
                new RateLimits(rateLimit, burst, signInLimit, signInPaths, RateLimits.SYSTEM_CLOCK));
    }

    /** The SMTP options, checked; null without --smtp-host. */
    SmtpSettings smtp() {
        if (smtpHost == null || smtpHost.isBlank()) {
            return null;
        }
        if (smtpPort < 1 || smtpPort > 65_535) {
            throw usage("--smtp-port " + smtpPort + ": use 1-65535");
        }
        if (smtpFrom == null || !smtpFrom.matches("[^@\\s]+@[^@\\s]+")) {
            throw usage(smtpFrom == null ? "--smtp-host needs --smtp-from, the address production mail is sent from"
                    : "--smtp-from '" + smtpFrom + "' is not an email address");
        }
        return new SmtpSettings(smtpHost, smtpPort, smtpFrom);
    }

    /** The feedback webhook, checked; null without --feedback-webhook. */
    URI webhook() {
        if (feedbackWebhook == null || feedbackWebhook.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(feedbackWebhook);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below, as any other URL that is not one
        }
        throw usage("--feedback-webhook: '" + feedbackWebhook + "' is not an http or https URL");
    }

    /** What runs in the background: production mail when there is an SMTP server, feedback when there is a webhook. */
    private static Map<String, Callable<Outbox.Run>> deliverers(DataSource dataSource, SmtpSettings smtp, URI webhook) {
        Map<String, Callable<Outbox.Run>> deliverers = new LinkedHashMap<>();
        if (smtp != null) {
            deliverers.put("mail", new MailDelivery(dataSource, Clock.systemUTC(), smtp, Retries.DEFAULT)::deliverPending);
        }
        if (webhook != null) {
            deliverers.put("feedback", new FeedbackDelivery(dataSource, Clock.systemUTC(), webhook, Retries.DEFAULT)::deliverPending);
        }
        return deliverers;
    }

    private static HikariDataSource pool(DataSource dataSource, int size) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(size);
        config.setPoolName("seedreset-serve");
        return new HikariDataSource(config);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }
}
