package io.seedreset.internal.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file as strict UTF-8, a buffer at a time. A byte that is not UTF-8 fails the read at the
 * character where it stands, after every good character before it was delivered, so the error names
 * its exact line and place ({@code InputStreamReader} would replace it, or fail a buffer early). A
 * byte-order mark at the start, as spreadsheets write, is dropped.
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private boolean started;
    private int badByte = -1;
    private long line = 1;
    private long place;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                line++;
                place = 0;
            } else {
                place++;
            }
        }
        return n;
    }

    /** Decodes more characters; false at the end of the file. */
    private boolean fill() throws IOException {
        while (true) {
            if (badByte >= 0) {
                throw new BadFile(line, String.valueOf(place + 1), String.format("not UTF-8 text (byte 0x%02X); save the file as UTF-8", badByte));
            }
            if (flushed) {
                return false;
            }
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                badByte = bytes.get(bytes.position()) & 0xff;
            } else if (endOfInput && result.isUnderflow()) {
                decoder.flush(chars);
                flushed = true;
            }
            chars.flip();
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
            }
            if (chars.hasRemaining()) {
                return true;
            }
            if (result.isUnderflow() && !endOfInput) {
                bytes.compact();
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
