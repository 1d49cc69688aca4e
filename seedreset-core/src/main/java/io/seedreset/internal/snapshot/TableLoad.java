package io.seedreset.internal.snapshot;

import io.seedreset.internal.ledger.RowSets;
import io.seedreset.internal.schema.Sequences;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.internal.sink.CopyText;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;

/**
 * Loads one table's snapshot rows into an organization with one COPY: the gzip is inflated, its text
 * checked against the manifest's row count and SHA-256 as it streams (a mismatch fails the COPY, so
 * nothing of it stays), and every line gets the target organization's tenant key in front. The rows then go
 * to the ledger as one batch of the restoring application.
 */
final class TableLoad {

    private TableLoad() {
    }

    /** A table's text does not match its manifest entry; the message names the table and how. */
    static final class Mismatch extends IOException {
        Mismatch(String message) {
            super(message);
        }
    }

    static long load(Connection connection, TenantSchema.Table table, Manifest.TableEntry entry, InputStream compressed, UUID organizationId,
                     String tenantKey, UUID applicationId) throws SQLException, IOException {
        long copied = copy(connection, table, entry, compressed, tenantKey, TenantSchema.sql(entry.table()));
        // The organization held nothing before the restore: every row of the table is the restore's. A table without
        // a key cannot be recorded; reset empties it with the rest.
        if (copied > 0 && table.key() != null) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + RowSets.TABLE
                    + " (org_id, application_id, table_name, row_ids) SELECT ?, ?, ?, array_agg(" + table.keyColumn("t") + "::text) FROM "
                    + TenantSchema.sql(entry.table()) + " t WHERE " + table.tenantIs("t"))) {
                statement.setObject(1, organizationId);
                statement.setObject(2, applicationId);
                statement.setString(3, entry.table());
                statement.setObject(4, organizationId);
                statement.executeUpdate();
            }
            Sequences.advance(connection, table);
        }
        return copied;
    }

    /** COPYs a table's rows, checked against the manifest, into {@code target} (the table itself, or a table shaped like it). */
    static long copy(Connection connection, TenantSchema.Table table, Manifest.TableEntry entry, InputStream compressed, String tenantKey,
                     String target) throws SQLException, IOException {
        String columns = TenantSchema.quote(table.tenantColumn()) + ", " + CopyColumns.list(entry.columns());
        long copied;
        try (Checked text = new Checked(new GZIPInputStream(compressed, 1 << 16), entry);
             InputStream rows = new Prefixed(text, (CopyText.render(tenantKey) + "\t").getBytes(StandardCharsets.UTF_8))) {
            copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " (" + columns + ") FROM STDIN", rows,
                    1 << 16);
        }
        if (copied != entry.rows()) {
            throw new Mismatch(entry.table() + " loaded " + copied + " rows where the manifest says " + entry.rows());
        }
        return copied;
    }

    /** Reads a table's rows to their end without loading them, failing unless they match the manifest (count, SHA-256). */
    static void verify(Manifest.TableEntry entry, InputStream compressed) throws IOException {
        try (Checked text = new Checked(new GZIPInputStream(compressed, 1 << 16), entry)) {
            byte[] buffer = new byte[1 << 16];
            while (text.read(buffer, 0, buffer.length) >= 0) {
                // the check runs at the end
            }
        }
    }

    /** Counts lines and hashes the text; at its end, fails unless both match the manifest. */
    private static final class Checked extends FilterInputStream {
        private final Manifest.TableEntry entry;
        private final MessageDigest sha256 = TableCapture.sha256();
        private long lines;
        private boolean checked;

        Checked(InputStream in, Manifest.TableEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                check();
                return -1;
            }
            for (int i = off; i < off + n; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            sha256.update(b, off, n);
            return n;
        }

        private void check() throws Mismatch {
            if (checked) {
                return;
            }
            checked = true;
            if (lines != entry.rows()) {
                throw new Mismatch(entry.table() + " holds " + lines + " rows where the manifest says " + entry.rows());
            }
            if (!HexFormat.of().formatHex(sha256.digest()).equals(entry.sha256())) {
                throw new Mismatch(entry.table() + "'s rows do not match the manifest's checksum");
            }
        }
    }

    /** Puts {@code prefix} before every line: COPY text escapes newlines inside values, so a raw newline ends a row. */
    private static final class Prefixed extends InputStream {
        private final InputStream in;
        private final byte[] prefix;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private int prefixLeft;
        private boolean atLineStart = true;

        Prefixed(InputStream in, byte[] prefix) {
            this.in = in;
            this.prefix = prefix;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Fills as much of {@code b} as it can, across lines: COPY sends each read as one message. */
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int written = 0;
            while (written < len) {
                if (prefixLeft > 0) {
                    int n = Math.min(prefixLeft, len - written);
                    System.arraycopy(prefix, prefix.length - prefixLeft, b, off + written, n);
                    prefixLeft -= n;
                    written += n;
                    continue;
                }
                if (position == limit) {
                    int read = in.read(buffer, 0, buffer.length);
                    if (read < 0) {
                        return written == 0 ? -1 : written;
                    }
                    position = 0;
                    limit = read;
                    continue;
                }
                if (atLineStart) {
                    atLineStart = false;
                    prefixLeft = prefix.length;
                    continue;
                }
                int end = Math.min(limit, position + (len - written));
                int scan = position;
                while (scan < end && buffer[scan] != '\n') {
                    scan++;
                }
                if (scan < end) {
                    scan++;
                    atLineStart = true;
                }
                System.arraycopy(buffer, position, b, off + written, scan - position);
                written += scan - position;
                position = scan;
            }
            return written;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
