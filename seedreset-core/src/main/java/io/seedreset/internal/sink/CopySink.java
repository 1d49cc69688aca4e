package io.seedreset.internal.sink;

import io.seedreset.api.Progress;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.Total;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Apply's sink: rows are buffered per table and written with COPY, each tagged in the ledger
 * ({@code platform.seed_rows}) the same way. A table's buffer is flushed when it fills, after
 * the buffers of the tables it references, so foreign keys hold at every statement while memory
 * stays bounded however large the pack.
 */
public final class CopySink extends RowStream {

    static final int FLUSH_BYTES = 1 << 20;
    private static final String LEDGER = "platform.seed_rows";

    private final TenantSchema schema;
    private final CopyManager copyManager;
    private final Progress progress;
    private final String ledgerPrefix;
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private final Buffer ledger = new Buffer("COPY platform.seed_rows (org_id, application_id, table_name, row_id) FROM STDIN");

    private static final class Buffer {
        final String copyStatement;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        long rows;

        Buffer(String copyStatement) {
            this.copyStatement = copyStatement;
        }
    }

    public CopySink(String packId, TenantSchema schema, UUID organizationId, UUID applicationId, List<Total> totals,
                    Connection connection, Progress progress) throws SQLException {
        super(packId, schema, organizationId, totals);
        this.schema = schema;
        this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
        this.progress = progress;
        this.ledgerPrefix = organizationId + "\t" + applicationId + "\t";
    }

    @Override
    protected void accept(TableShape shape, byte[] line, UUID id) {
        Buffer buffer = buffers.computeIfAbsent(shape.table(), t -> new Buffer(shape.copyStatement()));
        buffer.bytes.writeBytes(line);
        buffer.rows++;
        ledger.bytes.writeBytes((ledgerPrefix + shape.table() + "\t" + id + "\n").getBytes(StandardCharsets.UTF_8));
        ledger.rows++;
        if (buffer.bytes.size() >= FLUSH_BYTES) {
            flushWithParents(shape.table(), new HashSet<>());
        }
        if (ledger.bytes.size() >= FLUSH_BYTES) {
            write(LEDGER, ledger);
        }
    }

    @Override
    protected void acceptUpdate(String table, Map<String, Object> changes) {
        throw new UnsupportedOperationException("updates are written by the loader, which comes next");
    }

    /** Writes everything still buffered, parents first. */
    public void finish() {
        for (String table : schema.parentsFirst()) {
            Buffer buffer = buffers.get(table);
            if (buffer != null) {
                write(table, buffer);
            }
        }
        write(LEDGER, ledger);
    }

    private void flushWithParents(String table, Set<String> flushed) {
        if (!flushed.add(table)) {
            return;
        }
        for (String parent : schema.table(table).orElseThrow().parents()) {
            flushWithParents(parent, flushed);
        }
        Buffer buffer = buffers.get(table);
        if (buffer != null) {
            write(table, buffer);
        }
    }

    private void write(String table, Buffer buffer) {
        if (buffer.rows == 0) {
            return;
        }
        try {
            CopyIn copy = copyManager.copyIn(buffer.copyStatement);
            try {
                byte[] bytes = buffer.bytes.toByteArray();
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
        if (!table.equals(LEDGER)) {
            progress.advance(buffer.rows);
        }
        buffer.bytes.reset();
        buffer.rows = 0;
    }

    /** A COPY the database rejected; carries the SQLException so the engine can translate it. */
    public static final class CopyFailed extends RuntimeException {
        CopyFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

}
