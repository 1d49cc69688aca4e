package io.seedreset.internal.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A file's records as COPY text, one line per record, made as COPY reads: the organization's id, the
 * record's id when the file gives none, the file's values, and the record's number (from 1, the line
 * COPY counts, so that its errors name the record).
 */
final class CopyRows extends InputStream {

    private final Records records;
    private final String organizationId;
    private final String idPrefix;
    private final StringBuilder line = new StringBuilder();
    private byte[] pending = new byte[0];
    private int position;
    private long record;

    /**
     * @param idPrefix null when the file gives the ids; otherwise each id is a name-based UUID of this
     *                 prefix and the record's number, the same for the same file imported into the same place
     */
    CopyRows(Records records, String tenantKey, String idPrefix) {
        this.records = records;
        this.organizationId = io.seedreset.internal.sink.CopyText.render(tenantKey);
        this.idPrefix = idPrefix;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Fills as much of {@code b} as it can, across records: COPY sends each read as one message. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
            if (position == pending.length && !nextLine()) {
                return written == 0 ? -1 : written;
            }
            int n = Math.min(len - written, pending.length - position);
            System.arraycopy(pending, position, b, off + written, n);
            position += n;
            written += n;
        }
        return written;
    }

    private boolean nextLine() throws IOException {
        String[] values = records.next();
        if (values == null) {
            return false;
        }
        record++;
        line.setLength(0);
        line.append(organizationId);
        if (idPrefix != null) {
            line.append('\t').append(UUID.nameUUIDFromBytes((idPrefix + record).getBytes(StandardCharsets.UTF_8)));
        }
        for (String value : values) {
            line.append('\t');
            escape(value);
        }
        line.append('\t').append(record).append('\n');
        pending = line.toString().getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }

    /** COPY text: NULL as \N, and backslash, tab and line breaks escaped. */
    private void escape(String value) {
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
