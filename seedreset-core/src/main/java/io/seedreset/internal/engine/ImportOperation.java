package io.seedreset.internal.engine;

import io.seedreset.api.ApplicationRecord;
import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.ImportRequest;
import io.seedreset.api.ImportResult;
import io.seedreset.api.Organization;
import io.seedreset.internal.importing.RowImport;
import io.seedreset.internal.ledger.Applications;
import io.seedreset.internal.schema.SchemaMigrator;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Import: a file's rows loaded into one tenant table of a non-production organization, behind the gate
 * (production refused, the slug typed, the organization locked, seed context for the guards), in one
 * transaction, as one application of source {@code import}: teardown removes its rows, and reset drops
 * them (it re-applies packs and restores snapshots, never imports). A bad file writes nothing.
 */
final class ImportOperation {

    private final MutationGate gate;
    private final Clock clock;

    ImportOperation(MutationGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    ImportResult run(ImportRequest request, Caller caller) {
        // A dry run writes nothing, so it needs no typed confirmation; production is refused all the same.
        String confirmation = request.dryRun() ? request.organization() : request.confirmation();
        MutationGate.Mutation mutation = new MutationGate.Mutation(AuditOperation.IMPORT, request.organization(), confirmation,
                "importing rows into", null);
        return gate.enter(mutation, caller, inside -> {
            long started = System.nanoTime();
            Connection connection = inside.connection();
            Organization organization = inside.organization();
            String source = request.file().getFileName() == null ? request.file().toString() : request.file().getFileName().toString();
            UUID application = inside.newApplication();
            caller.progress().start("import " + organization.slug());
            RowImport.Loaded loaded;
            try {
                loaded = RowImport.load(connection, inside.schema(), request.table(), request.file(), organization.id(), organization.tenantKey(),
                        application);
                TenantReferences.require(connection, inside.schema(), organization.id(), java.util.Set.of(request.table()),
                        io.seedreset.api.SeedResetException.Reason.INVALID_IMPORT);
                caller.progress().advance(loaded.rows());
            } finally {
                caller.progress().finish();
            }
            Instant now = clock.instant();
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            if (request.dryRun()) {
                connection.rollback();
                ImportResult result = new ImportResult(organization.slug(), request.table(), source, null, loaded.rows(), loaded.generatedIds(),
                        true, duration);
                return new MutationGate.Attempt<>(result, AuditOutcome.UNCHANGED, null, "dry run: " + source + " would import "
                        + loaded.rows() + " rows into " + request.table() + "; nothing written");
            }
            Applications.insert(connection, ApplicationRecord.Source.IMPORT, application, organization.id(), "import:" + request.table(),
                    SchemaMigrator.version(connection), "import", List.of(), Map.of("file", source, "table", request.table(), "rows", loaded.rows(),
                            "generatedIds", loaded.generatedIds()), 0L, now, caller.actor(), now);
            Applications.complete(connection, application, Map.of(request.table(), loaded.rows()), "", duration.toMillis());
            ImportResult result = new ImportResult(organization.slug(), request.table(), source, application, loaded.rows(), loaded.generatedIds(),
                    false, duration);
            return new MutationGate.Attempt<>(result, AuditOutcome.SUCCEEDED, application, "imported " + loaded.rows() + " rows of " + source
                    + " into " + request.table());
        });
    }
}
