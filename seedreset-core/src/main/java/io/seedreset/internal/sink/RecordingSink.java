package io.seedreset.internal.sink;

import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.Total;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plan's sink: rows are counted, sampled and hashed, and go nowhere. */
public final class RecordingSink extends RowStream {

    public RecordingSink(String packId, TenantSchema schema, String tenantKey, List<Total> totals, List<String> selectedModules) {
        super(packId, schema, tenantKey, totals, selectedModules);
    }

    @Override
    protected void accept(TableShape shape, byte[] line, Object key) {
    }

    @Override
    protected void acceptUpdate(String table, Map<String, Object> changes) {
    }

    @Override
    protected Object draw(TenantSchema.Table table, io.seedreset.pack.Serial serial) {
        return serial.toString(); // plan writes nothing, and shows the serial as the pack gave it
    }
}
