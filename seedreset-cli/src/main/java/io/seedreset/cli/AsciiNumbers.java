package io.seedreset.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole numbers as they are typed: ASCII digits only. Java's own parsing also takes other
 * scripts' digits ({@code ٣} is 3), which would let an argument read as one number and count as another.
 */
public final class AsciiNumbers {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    private AsciiNumbers() {
    }

    /** Makes every int and long option and parameter of the command line, and of its subcommands, ASCII only. */
    public static void register(CommandLine commandLine) {
        commandLine.registerConverter(Long.class, AsciiNumbers::parseLong);
        commandLine.registerConverter(Long.TYPE, AsciiNumbers::parseLong);
        commandLine.registerConverter(Integer.class, AsciiNumbers::parseInt);
        commandLine.registerConverter(Integer.TYPE, AsciiNumbers::parseInt);
    }

    static long parseLong(String text) {
        try {
            return Long.parseLong(digits(text, "a long"));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is out of range for a long");
        }
    }

    static int parseInt(String text) {
        try {
            return Integer.parseInt(digits(text, "an int"));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is out of range for an int");
        }
    }

    private static String digits(String text, String type) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new TypeConversionException("'" + text + "' is not " + type + " (digits 0-9)");
        }
        return text;
    }
}
