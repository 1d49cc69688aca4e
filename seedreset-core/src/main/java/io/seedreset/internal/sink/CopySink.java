package io.seedreset.internal.sink;

import io.seedreset.api.Progress;
import io.seedreset.api.SeedResetException;
import io.seedreset.internal.ledger.RowChanges;
import io.seedreset.internal.ledger.RowSets;
import io.seedreset.internal.schema.Sequences;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.Total;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Apply's sink: rows are rendered on the pack's thread, buffered per table and handed to the
 * {@link Loader}, which writes them with COPY on the transaction's connection while the pack
 * goes on generating. Each batch's ids go to the ledger ({@code platform.seed_row_sets}, one
 * row per batch) the same way. A table's buffer is handed over when it fills, after the buffers of the tables it
 * references, so foreign keys hold at every statement while memory stays bounded however
 * large the pack. Updates keep their place in the stream: rows emitted before an update are
 * written before it.
 *
 * <p>Use it in try-with-resources: {@link #finish()} writes the rest and waits for it,
 * {@link #close()} stops the loader thread whatever happened.
 */
public final class CopySink extends RowStream implements AutoCloseable {

    static final int FLUSH_BYTES = 1 << 20;
    /**
     * Keys drawn from a sequence at once for serial rows: the first block of a table is small and each next one
     * twice as large, up to this many, so a small pack leaves no large gap in the application's keys and a large one
     * pays a round trip per this many rows.
     */
    static final int SERIAL_BLOCK = 1024;
    static final int FIRST_SERIAL_BLOCK = 16;

    private final TenantSchema schema;
    private final UUID organizationId;
    private final String tenantKey;
    private final UUID applicationId;
    private final Progress progress;
    private final Connection connection;
    private final Loader loader;
    private final RowSets rowSets;
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private final Buffer ledger = new Buffer(RowSets.TABLE, RowSets.COPY);
    private final List<RowChanges.Change> updates = new ArrayList<>();
    /** Keys drawn for serial rows and not given yet, per table. */
    private final Map<String, java.util.ArrayDeque<Long>> serials = new HashMap<>();
    /** The size of the last block drawn per table. */
    private final Map<String, Integer> serialBlocks = new HashMap<>();

    private static final class Buffer {
        final String table;
        final String copyStatement;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        /** The keys of the rows in {@code bytes}, as the body of a text[] literal in COPY text. */
        final StringBuilder ids = new StringBuilder();
        long rows;

        Buffer(String table, String copyStatement) {
            this.table = table;
            this.copyStatement = copyStatement;
        }
    }

    public CopySink(String packId, TenantSchema schema, UUID organizationId, String tenantKey, UUID applicationId, List<Total> totals,
                    List<String> selectedModules, Connection connection, Progress progress) {
        super(packId, schema, tenantKey, totals, selectedModules);
        this.schema = schema;
        this.organizationId = organizationId;
        this.tenantKey = tenantKey;
        this.applicationId = applicationId;
        this.progress = progress;
        this.connection = connection;
        this.rowSets = new RowSets(organizationId, applicationId);
        this.loader = new Loader(connection);
    }

    @Override
    protected void accept(TableShape shape, byte[] line, Object key) {
        if (!updates.isEmpty()) {
            handOverUpdates();
        }
        Buffer buffer = buffers.computeIfAbsent(shape.table(), t -> new Buffer(t, shape.copyStatement()));
        buffer.bytes.writeBytes(line);
        buffer.rows++;
        RowSets.appendKey(buffer.ids, key);
        if (buffer.bytes.size() >= FLUSH_BYTES) {
            handOverWithParents(shape.table(), new HashSet<>());
        }
    }

    @Override
    protected void acceptUpdate(String table, Map<String, Object> changes) {
        if (updates.isEmpty()) {
            // The update may set a reference to a row emitted just before it.
            handOverAllRows();
        }
        updates.add(new RowChanges.Change(table, Map.copyOf(changes)));
        if (updates.size() >= RowChanges.BATCH) {
            handOverUpdates();
        }
    }

    /**
     * Reads the organization's rows on the transaction's connection, once everything emitted
     * so far is written (the loader is idle while the query runs).
     */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        writeEverything();
        try {
            return TenantQueries.query(connection, schema.tenantLiteral(tenantKey), sql, parameters);
        } catch (SQLException e) {
            throw TenantQueries.failed(packId(), e);
        }
    }

    /**
     * The next key of the table's sequence for a serial row. Keys are drawn a block at a time (sequences are not
     * transactional: a rolled-back apply leaves a gap in the application's keys, as a failed insert of its own
     * does), on the transaction's connection once the loader is idle.
     */
    @Override
    protected Object draw(TenantSchema.Table table, io.seedreset.pack.Serial serial) {
        java.util.ArrayDeque<Long> keys = serials.computeIfAbsent(table.name(), t -> new java.util.ArrayDeque<>());
        if (keys.isEmpty()) {
            loader.drain();
            String sequence;
            try {
                sequence = Sequences.of(connection, table);
            } catch (SQLException e) {
                throw new CopyFailed(e);
            }
            if (sequence == null) {
                throw new SeedResetException(SeedResetException.Reason.PACK_FAILED, "pack '" + packId() + "' gives " + table.name() + " a serial key ("
                        + serial + "), but its key " + table.key() + " has no identity or serial sequence to draw it from",
                        Map.of(SeedResetException.PACK, packId()));
            }
            int block = serialBlocks.merge(table.name(), FIRST_SERIAL_BLOCK, (drawn, first) -> Math.min(drawn * 2, SERIAL_BLOCK));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT nextval(CAST(? AS regclass)) FROM generate_series(1, " + block + ")")) {
                statement.setString(1, sequence);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new CopyFailed(e);
            }
        }
        return keys.poll();
    }

    /** Writes everything still buffered, parents first, and waits until the database has it. */
    public void finish() {
        writeEverything();
    }

    private void writeEverything() {
        loader.here(() -> {
            handOverAllRows();
            handOverUpdates();
        });
    }

    @Override
    public void close() {
        loader.close();
    }

    private void handOverAllRows() {
        for (String table : schema.parentsFirst()) {
            Buffer buffer = buffers.get(table);
            if (buffer != null) {
                handOver(buffer);
            }
        }
        handOver(ledger);
    }


    private void handOverWithParents(String table, Set<String> handedOver) {
        if (!handedOver.add(table)) {
            return;
        }
        for (String parent : schema.table(table).orElseThrow().parents()) {
            handOverWithParents(parent, handedOver);
        }
        Buffer buffer = buffers.get(table);
        if (buffer != null) {
            handOver(buffer);
        }
    }

    private void handOver(Buffer buffer) {
        if (buffer.rows == 0) {
            return;
        }
        ByteArrayOutputStream bytes = buffer.bytes;
        String statement = buffer.copyStatement;
        loader.submit(connection -> copy(connection, statement, bytes));
        // A fresh buffer: the loader still reads the old one.
        buffer.bytes = new ByteArrayOutputStream(64 * 1024);
        if (buffer != ledger) {
            progress.advance(buffer.rows);
            ledger.bytes.writeBytes(rowSets.line(buffer.table, buffer.ids));
            ledger.rows++;
            buffer.ids.setLength(0);
        }
        buffer.rows = 0;
        if (ledger.bytes.size() >= FLUSH_BYTES) {
            // The ledger has no foreign keys: it may reach the database any time before commit.
            handOver(ledger);
        }
    }

    private void handOverUpdates() {
        if (updates.isEmpty()) {
            return;
        }
        List<RowChanges.Change> batch = List.copyOf(updates);
        String packId = packId();
        loader.submit(connection -> RowChanges.write(connection, schema, packId, organizationId, applicationId, batch));
        progress.advance(batch.size());
        updates.clear();
    }

    private static void copy(Connection connection, String statement, ByteArrayOutputStream bytes) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
        try {
            byte[] data = bytes.toByteArray();
            copy.writeToCopy(data, 0, data.length);
            copy.endCopy();
        } catch (SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancel) {
                    // The database's reason for refusing the rows is the one to report.
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    /** A write the database rejected; carries the SQLException so the engine can translate it. */
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
