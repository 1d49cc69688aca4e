package io.seedreset.internal.snapshot;

import io.seedreset.internal.schema.TenantSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * One table's rows of one organization as a snapshot keeps them: COPY text without the tenant column,
 * gzipped into chunks of at most {@link #CHUNK_BYTES}, with the row count, the text's SHA-256 and the
 * gzip's size and CRC-32 (a zip file stores it as is). The chunks stay in memory until they are
 * stored: a table's compressed rows, a few bytes a row.
 */
final class TableCapture {

    static final int CHUNK_BYTES = 4 << 20;

    record Captured(Manifest.TableEntry entry, List<byte[]> chunks) {
    }

    private TableCapture() {
    }

    static Captured capture(Connection connection, TenantSchema.Table table, String tenantKey) throws SQLException {
        List<String> columns = CopyColumns.of(connection, table.name(), table.tenantColumn());
        Chunks chunks = new Chunks();
        Digesting text;
        try (GZIPOutputStream gzip = new GZIPOutputStream(chunks, 1 << 16)) {
            text = new Digesting(gzip);
            // COPY takes no parameters: the key, read from the organization's row, goes in as a quoted literal.
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + CopyColumns.list(columns) + " FROM "
                    + TenantSchema.sql(table.name()) + " t WHERE " + table.tenant("t") + " = " + table.tenantLiteral(tenantKey) + ") TO STDOUT", text);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        List<byte[]> parts = chunks.finish();
        return new Captured(new Manifest.TableEntry(table.name(), columns, text.lines, text.hex(), chunks.size, chunks.crc.getValue()), parts);
    }

    /** Counts lines and hashes what passes through. */
    static final class Digesting extends OutputStream {
        private final OutputStream out;
        private final MessageDigest sha256 = sha256();
        long lines;

        Digesting(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            sha256.update(b, off, len);
            out.write(b, off, len);
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Collects bytes into chunks of at most CHUNK_BYTES, with their total size and CRC-32. */
    private static final class Chunks extends OutputStream {
        private final List<byte[]> done = new ArrayList<>();
        private ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final CRC32 crc = new CRC32();
        private long size;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            size += len;
            while (len > 0) {
                int room = CHUNK_BYTES - current.size();
                int n = Math.min(room, len);
                current.write(b, off, n);
                off += n;
                len -= n;
                if (current.size() == CHUNK_BYTES) {
                    done.add(current.toByteArray());
                    current = new ByteArrayOutputStream();
                }
            }
        }

        List<byte[]> finish() {
            if (current.size() > 0) {
                done.add(current.toByteArray());
            }
            return done;
        }
    }
}
