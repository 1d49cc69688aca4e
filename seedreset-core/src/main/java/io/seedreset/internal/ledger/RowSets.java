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
     * Appends a row's key to a batch's keys: comma-separated, as the body of a text[] literal in COPY
     * text. A UUID or a number goes as it is; a text key is quoted for the array, then its backslashes
     * doubled for COPY.
     */
    public static void appendKey(StringBuilder keys, Object key) {
        if (keys.length() > 0) {
            keys.append(',');
        }
        if (key instanceof String text) {
            String quoted = '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
            keys.append(quoted.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
        } else {
            keys.append(key);
        }
    }

    /**
     * One COPY text line recording a batch.
     *
     * @param ids the batch's keys, as {@link #appendKey} wrote them
     */
    public byte[] line(String table, CharSequence ids) {
        return (prefix + table + "\t{" + ids + "}\n").getBytes(StandardCharsets.UTF_8);
    }
}
