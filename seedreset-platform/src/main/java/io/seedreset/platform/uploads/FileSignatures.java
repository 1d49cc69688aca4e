package io.seedreset.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whether a file's first bytes are those of the type it claims. A download answers with the stored content type, so a
 * page of HTML sent as {@code image/png} must not be stored as one: browsers would otherwise be handed the caller's
 * choice of content under the platform's name.
 */
final class FileSignatures {

    /** Bytes enough to tell every type {@link Attachment} takes. */
    static final int HEAD = 12;

    private FileSignatures() {
    }

    static boolean matches(String contentType, byte[] head, int length) {
        byte[] bytes = Arrays.copyOf(head, length);
        return switch (contentType) {
            case "image/png" -> startsWith(bytes, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            case "image/jpeg" -> startsWith(bytes, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
            case "image/gif" -> startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"));
            case "image/webp" -> startsWith(bytes, ascii("RIFF")) && bytes.length >= 12
                    && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), ascii("WEBP"));
            case "application/pdf" -> startsWith(bytes, ascii("%PDF-"));
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
