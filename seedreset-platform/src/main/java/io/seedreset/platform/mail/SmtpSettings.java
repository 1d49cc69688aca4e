package io.seedreset.platform.mail;

import java.time.Duration;

/**
 * The SMTP server production mail goes out through (no authentication, no TLS: a relay on the host's
 * network, as a platform's own mail transfer agent would be).
 *
 * @param from    the sender of every message
 * @param timeout how long to wait to connect, and for each answer
 */
public record SmtpSettings(String host, int port, String from, Duration timeout) {

    public static final int DEFAULT_PORT = 25;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no SMTP host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port " + port + " is not 1-65535");
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("no sender address");
        }
    }

    public SmtpSettings(String host, int port, String from) {
        this(host, port, from, DEFAULT_TIMEOUT);
    }
}
