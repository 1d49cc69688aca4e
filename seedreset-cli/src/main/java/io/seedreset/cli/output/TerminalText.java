package io.seedreset.cli.output;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on its way to a terminal. Names, parameters and arguments come from users, so none may
 * move the cursor, fake a line or reorder what is shown: control characters and bidirectional
 * overrides are printed as escapes, and long quoted values are shortened in messages.
 */
public final class TerminalText {

    /** Quoted values in messages longer than this are shortened, so one long argument cannot bury the message. */
    public static final int MAX_QUOTED_VALUE = 80;

    /** A quoted value: an apostrophe inside a word ("database's") neither opens nor closes one. */
    private static final Pattern QUOTED = Pattern.compile("(?<![\\p{L}\\p{N}])'([^']*)'(?![\\p{L}\\p{N}])");

    private TerminalText() {
    }

    /** The text with every control character as an escape: a tab as {@code \t}, ESC as {@code \u001b}. */
    public static String escape(String text) {
        if (text.chars().noneMatch(TerminalText::unsafe)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** A message as one safe line: escaped, and every quoted value longer than {@link #MAX_QUOTED_VALUE} shortened. */
    public static String message(String text) {
        Matcher quoted = QUOTED.matcher(escape(String.valueOf(text)));
        StringBuilder line = new StringBuilder();
        while (quoted.find()) {
            quoted.appendReplacement(line, Matcher.quoteReplacement("'" + shorten(quoted.group(1), MAX_QUOTED_VALUE) + "'"));
        }
        return quoted.appendTail(line).toString();
    }

    /** The text cut to at most {@code max} characters, the last one an ellipsis when it was cut. */
    public static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static boolean unsafe(int c) {
        // C0 and C1 controls, DEL, and the marks and overrides that reorder text as it is displayed.
        return Character.isISOControl(c) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
