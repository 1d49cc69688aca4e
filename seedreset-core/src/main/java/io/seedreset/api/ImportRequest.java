package io.seedreset.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads the rows of a CSV or JSON file into one tenant table of a non-production organization.
 *
 * @param table        the tenant table, {@code schema.table}
 * @param file         a {@code .csv} file (a header line of column names, then one record per row) or a
 *                     {@code .json} file (an array of objects, one per row); UTF-8 either way
 * @param confirmation the organization's slug typed again; not needed for a dry run
 * @param dryRun       validate and load everything, then roll it back: nothing is written
 */
public record ImportRequest(String organization, String table, Path file, String confirmation, boolean dryRun) {

    public ImportRequest {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(file, "file");
    }

    public static ImportRequest of(String organization, String table, Path file) {
        return new ImportRequest(organization, table, file, null, false);
    }

    public ImportRequest confirm(String slug) {
        return new ImportRequest(organization, table, file, slug, dryRun);
    }

    public ImportRequest asDryRun() {
        return new ImportRequest(organization, table, file, confirmation, true);
    }
}
