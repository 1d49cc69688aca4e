package io.seedreset.cli.output;

import java.util.regex.Pattern;

/** Arguments written so that a printed command line, pasted into a POSIX shell, passes them unchanged. */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellWords() {
    }

    /**
     * The word as typed: plain words as they are, others in single quotes, and words holding
     * control characters or bidirectional overrides in bash's {@code $'...'} form, so that they cannot break the line.
     */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        if (word.chars().noneMatch(TerminalText::unsafe)) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        word.chars().forEach(c -> {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (TerminalText.unsafe(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('\'').toString();
    }
}
