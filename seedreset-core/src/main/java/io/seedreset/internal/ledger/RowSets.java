package io.seedreset.internal.ledger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How the ledger records the rows an application created: one row of {@code platform.seed_row_sets}
 * per batch written to a table, the batch's ids in an array. The writing sink ships these lines
 * with its COPY of the rows; what they hold is the ledger's business, kept here.
 */
public final class RowSets {

    public static final String TABLE = "platform.seed_row_sets";
    public static final String COPY = "COPY platform.seed_row_sets (org_id, application_id, table_name, row_ids) FROM STDIN";

    private final String prefix;

    public RowSets(UUID organizationId, UUID applicationId) {
        this.prefix = organizationId + "\t" + applicationId + "\t";
    }

    /**
     * One COPY text line recording a batch.
     *
     * @param ids the batch's ids, comma-separated, as the body of a uuid[] literal
     */
    public byte[] line(String table, CharSequence ids) {
        return (prefix + table + "\t{" + ids + "}\n").getBytes(StandardCharsets.UTF_8);
    }
}
