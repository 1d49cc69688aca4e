package io.seedreset.cli;

import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load a CSV or JSON file's rows into one tenant table of a demo, qa or sandbox organization, in one transaction,"
                + " recorded in the ledger: teardown removes them, reset drops them.",
                "CSV: UTF-8, a header line of column names, then one row per record (RFC 4180 quoting; an empty field is NULL, \"\" the"
                        + " empty string). JSON: an array of objects, the first one's keys naming the columns. Without an id column, ids"
                        + " are made from the organization, the table, the file's name and each record's place. org_id is never taken"
                        + " from the file.",
                "A bad file (encoding, columns, a value, a reference, a duplicate key, empty) is named by line and column, and nothing"
                        + " is written (exit 2)."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    SeedresetCommand root;

    @Option(names = "--org", required = true, paramLabel = "<slug>", description = "organization slug")
    String organization;

    @Option(names = "--table", required = true, paramLabel = "<schema.table>", description = "the tenant table, e.g. suppliers.vendors")
    String table;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "a .csv or .json file")
    Path file;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--dry-run", description = "check every row against the table (types, keys, references) and roll back; writes nothing"
            + " and needs no --confirm (refused on production all the same)")
    boolean dryRun;

    @Override
    public Integer call() {
        ImportRequest request = ImportRequest.of(organization, table, file);
        ImportResult result = root.seedReset().importRows(dryRun ? request.asDryRun()
                : request.confirm(confirmation.obtain("Importing into", organization)));
        if (!root.printedJson(result)) {
            root.printer().imported(result);
        }
        return ExitCodes.OK;
    }
}
