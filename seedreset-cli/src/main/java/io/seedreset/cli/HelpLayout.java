package io.seedreset.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Wraps {@code --help} text between words only. picocli breaks lines where
 * {@link java.text.BreakIterator} allows, which is also inside a word after a dot, slash or dash
 * ({@code ". /seedreset"}, {@code "~/." + "seedreset"}), and it wraps a footer line to column 0.
 * So picocli lays each section out on unbounded lines, and this class wraps them to
 * {@value #WIDTH} columns at spaces, with a hanging indent: a list entry (a name, two or more
 * spaces, its text) goes on under its text, two columns in, as picocli indents it, also when the
 * text stands on a line of its own under a long name; the synopsis goes on under its first option;
 * a paragraph at column 0 at column 0.
 */
final class HelpLayout {

    static final int WIDTH = 80;
    /** Wide enough that picocli itself never wraps. */
    private static final int UNWRAPPED = 10_000;
    /** A list entry: indent, a name (words with single spaces), two or more spaces, the text. */
    private static final Pattern ENTRY = Pattern.compile("^( *\\S+(?: \\S+)*? {2,})\\S");
    /** The escapes picocli colours a terminal's help with; they take no column. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");

    private HelpLayout() {
    }

    /** Lays out the help of this command and of all its subcommands. */
    static void install(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.width(UNWRAPPED);
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(usage.sectionMap());
        sections.replaceAll((key, renderer) -> key.equals(UsageMessageSpec.SECTION_KEY_SYNOPSIS) ? help -> {
            // The synopsis goes on the heading's line ("Usage: "), and on under its first option.
            String heading = " ".repeat(help.synopsisHeadingLength());
            String synopsis = wrap(heading + renderer.render(help), heading.length() + help.commandSpec().qualifiedName().length() + 1);
            return synopsis.substring(heading.length());
        } : help -> wrap(renderer.render(help), -1));
        usage.sectionMap(sections);
        commandLine.getSubcommands().values().forEach(HelpLayout::install);
    }

    /**
     * Wraps every line of {@code text} longer than {@link #WIDTH} at spaces.
     *
     * @param synopsisIndent the column continued lines start at, or -1 to find it from each line
     */
    static String wrap(String text, int synopsisIndent) {
        StringBuilder wrapped = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            wrapLine(line, synopsisIndent, wrapped);
            if (end < 0) {
                break;
            }
            wrapped.append('\n');
            start = end + 1;
        }
        return wrapped.toString();
    }

    private static void wrapLine(String line, int synopsisIndent, StringBuilder wrapped) {
        String plain = ANSI.matcher(line).replaceAll("");
        if (plain.length() <= WIDTH) {
            wrapped.append(line);
            return;
        }
        // Breaks only after the column the text starts at, so a name and the gap after it stay whole.
        int textColumn;
        int indent;
        Matcher entry = ENTRY.matcher(plain);
        if (synopsisIndent >= 0) {
            textColumn = synopsisIndent;
            indent = synopsisIndent;
        } else if (entry.find()) {
            textColumn = entry.group(1).length();
            indent = textColumn + 2;
        } else {
            // A paragraph at column 0 goes on there; an indented one is a list entry's text on a line of its own.
            textColumn = plain.length() - plain.stripLeading().length();
            indent = textColumn == 0 ? 0 : textColumn + 2;
        }
        String rest = line;
        while (columns(rest) > WIDTH) {
            int cut = lastSpaceWithin(rest, textColumn);
            if (cut < 0) {
                break; // one word longer than the line: better long than broken inside
            }
            wrapped.append(rest.substring(0, cut).stripTrailing()).append('\n');
            rest = " ".repeat(indent) + rest.substring(cut).stripLeading();
            textColumn = indent;
        }
        wrapped.append(rest);
    }

    /** The index in {@code line} of the last space at a column after {@code after} and at most {@link #WIDTH}. */
    private static int lastSpaceWithin(String line, int after) {
        int found = -1;
        int column = 0;
        for (int i = 0; i < line.length() && column <= WIDTH; i++) {
            Matcher escape = ANSI.matcher(line).region(i, line.length());
            if (escape.lookingAt()) {
                i = escape.end() - 1;
                continue;
            }
            if (line.charAt(i) == ' ' && column > after) {
                found = i;
            }
            column++;
        }
        return found;
    }

    private static int columns(String line) {
        return ANSI.matcher(line).replaceAll("").length();
    }
}
