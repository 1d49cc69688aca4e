package io.seedreset.server;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request, at INFO on the logger {@value #LOGGER}, once the response is written (after
 * the error handlers, so with the status the caller got, 429 and 404 included):
 *
 * <pre>
 * method=GET route=/api/v1/organizations/{slug} status=200 ms=3.2 client=127.0.0.1 org=acme-demo demo=true persona=-
 * </pre>
 *
 * <p>{@code route} is the matched route's path template, never the requested path with its ids
 * ({@code -} when no route matched); {@code client} is {@link Context#ip()}; {@code org},
 * {@code demo} and {@code persona} are the {@link RequestAttributes} sign-in sets, {@code -} when
 * absent. Values are written as they are when they can be, else in double quotes with {@code \"},
 * {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} for any other control
 * or formatting character: a caller cannot break the line or forge another.
 */
public final class AccessLog implements RequestLogger {

    public static final String LOGGER = "io.seedreset.server.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void handle(Context ctx, Float executionTimeMs) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line(ctx, executionTimeMs));
        }
    }

    static String line(Context ctx, Float executionTimeMs) {
        StringBuilder line = new StringBuilder(160);
        field(line, "method", ctx.method().name());
        field(line, "route", route(ctx));
        field(line, "status", Integer.toString(ctx.statusCode()));
        field(line, "ms", executionTimeMs == null || executionTimeMs < 0 ? null : String.format(Locale.ROOT, "%.1f", executionTimeMs));
        field(line, "client", ctx.ip());
        field(line, "org", ctx.attribute(RequestAttributes.ORGANIZATION));
        field(line, "demo", ctx.attribute(RequestAttributes.DEMO));
        field(line, "persona", ctx.attribute(RequestAttributes.PERSONA));
        return line.toString();
    }

    /**
     * The matched route's path template, or null when no route matched (Javalin then names none, or a
     * wildcard, or a sentence). Usage telemetry counts by it too.
     */
    static String route(Context ctx) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (IllegalStateException noneMatched) {
            return null;
        }
        return route != null && route.startsWith("/") ? route : null;
    }

    private static void field(StringBuilder line, String name, Object value) {
        if (line.length() > 0) {
            line.append(' ');
        }
        line.append(name).append('=');
        String text = value == null ? null : value.toString();
        if (text == null) {
            line.append('-');
        } else if (plain(text)) {
            line.append(text);
        } else {
            quoted(line, text);
        }
    }

    private static boolean plain(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '"' || c == '\\' || c == '=' || special(c)) {
                return false;
            }
        }
        return true;
    }

    private static void quoted(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (special(c)) {
                        line.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }

    /** Control characters (C0, DEL, C1), line and paragraph separators, and invisible formatting such as bidi overrides. */
    private static boolean special(char c) {
        return Character.isISOControl(c)
                || c == '\u2028' || c == '\u2029'
                || Character.getType(c) == Character.FORMAT;
    }
}
