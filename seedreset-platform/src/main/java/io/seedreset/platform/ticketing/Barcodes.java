package io.seedreset.platform.ticketing;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ticket barcodes as the ticketing-demo pack prints them: 16 digits, the last a Luhn check digit, like the
 * numeric barcodes on paper tickets. The pack makes the middle nine digits the ticket's key, unique by
 * construction; the platform draws all fifteen from a secure random source (a barcode admits whoever shows
 * it, so it must not be guessable) and lets the unique constraint catch the rare repeat.
 */
public final class Barcodes {

    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Barcodes() {
    }

    /** A new barcode: fifteen random digits and their check digit. */
    static String issue() {
        String body = String.format(Locale.ROOT, "%06d%09d", RANDOM.nextInt(1_000_000), RANDOM.nextInt(1_000_000_000));
        return body + checkDigit(body);
    }

    /** Sixteen digits whose last is the Luhn check digit of the others. */
    public static boolean wellFormed(String barcode) {
        return barcode != null && barcode.length() == LENGTH && barcode.chars().allMatch(c -> c >= '0' && c <= '9')
                && checkDigit(barcode.substring(0, LENGTH - 1)) == barcode.charAt(LENGTH - 1) - '0';
    }

    /** The Luhn check digit: doubling every second digit from the right, starting with the rightmost. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
