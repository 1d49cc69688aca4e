package io.seedreset.server.console;

import java.util.Collection;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A piece of HTML that is safe to send: made only from templates written in this package and values
 * escaped on the way in. {@code Html.of("<td>{}</td>", name)} escapes {@code name}; an argument that is
 * already {@code Html} (or a collection or stream of them) goes in as it is. So a value from the database,
 * a request or an exception message can never open a tag, and a page is written as readable markup.
 */
final class Html {

    static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * The template with each {@code {}} replaced by the next argument: text escaped, {@code Html} as it is,
     * a collection or stream of {@code Html} joined, null as nothing. The template itself must be a literal
     * of this package: it is markup, not text.
     */
    static Html of(String template, Object... arguments) {
        StringBuilder out = new StringBuilder(template.length() + 16 * arguments.length);
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (next == arguments.length) {
                throw new IllegalArgumentException("more {} than arguments in: " + template);
            }
            out.append(template, from, at);
            append(out, arguments[next++]);
            from = at + 2;
        }
        if (next != arguments.length) {
            throw new IllegalArgumentException(arguments.length + " arguments for " + next + " {} in: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** Pieces one after the other. */
    static Html join(Collection<Html> pieces) {
        return new Html(pieces.stream().map(piece -> piece.markup).collect(Collectors.joining()));
    }

    /** Text, escaped. */
    static Html text(Object value) {
        return new Html(escape(value == null ? "" : String.valueOf(value)));
    }

    /** The piece when the condition holds, else nothing. */
    static Html when(boolean condition, Html piece) {
        return condition ? piece : EMPTY;
    }

    /** Escapes text for an element's content or a quoted attribute's value. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static void append(StringBuilder out, Object argument) {
        if (argument == null) {
            return;
        }
        if (argument instanceof Html html) {
            out.append(html.markup);
        } else if (argument instanceof Collection<?> pieces) {
            pieces.forEach(piece -> append(out, piece));
        } else if (argument instanceof Stream<?> pieces) {
            pieces.forEach(piece -> append(out, piece));
        } else {
            out.append(escape(String.valueOf(argument)));
        }
    }

    boolean isEmpty() {
        return markup.isEmpty();
    }

    @Override
    public String toString() {
        return markup;
    }
}
