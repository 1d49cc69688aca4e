package io.seedreset.internal.engine;

import io.seedreset.api.AuditOperation;
import io.seedreset.api.AuditOutcome;
import io.seedreset.api.Organization;
import io.seedreset.api.SeedResetException;
import io.seedreset.internal.audit.AuditLog;
import io.seedreset.internal.organization.Organizations;
import io.seedreset.internal.safety.ProductionBoundary;
import io.seedreset.internal.schema.TenantSchema;
import io.seedreset.pack.PackDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * The one way in for every operation that writes to an organization: apply, teardown, reset,
 * and whatever comes after them. It is the only caller of {@link ProductionBoundary#enter}
 * (ArchUnit checks it), so the boundary holds by construction, not by convention:
 * <ol>
 *   <li>the organization must exist (bad input, nothing recorded);</li>
 *   <li>the attempt is recorded in the audit before any work;</li>
 *   <li>one transaction locks the organization row, refuses production, checks the typed
 *       confirmation, verifies the guards and enters seed context;</li>
 *   <li>the operation's work runs in that transaction, which commits if it returns;</li>
 *   <li>the attempt's outcome is recorded, refusals and failures included.</li>
 * </ol>
 * Read-only operations on a production organization are refused and audited here too.
 */
final class MutationGate {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MutationGate.class);

    /** What an operation says about itself at the gate. */
    record Mutation(AuditOperation operation, String organization, String confirmation, String verb, PackDescriptor pack) {
    }

    /** Inside the gate: the transaction, the locked and checked organization, and who asked. */
    record Inside(Connection connection, TenantSchema schema, Organization organization, Caller caller) {

        /** Starts an application: seed context from here on carries its id, for the guards and the ledger. */
        UUID newApplication() throws SQLException {
            UUID id = UUID.randomUUID();
            ProductionBoundary.enterSeedContext(connection, id.toString(), organization);
            return id;
        }
    }

    /** What a piece of audited work produced, and how to record it. */
    record Attempt<T>(T value, AuditOutcome outcome, UUID applicationId, String message) {
    }

    @FunctionalInterface
    interface Work<T> {
        Attempt<T> run(Inside inside) throws SQLException;
    }

    private final Connections connections;
    private final AuditLog audit;
    private final Duration busyTimeout;

    MutationGate(Connections connections, AuditLog audit, Duration busyTimeout) {
        this.connections = connections;
        this.audit = audit;
        this.busyTimeout = busyTimeout;
    }

    <T> T enter(Mutation mutation, Caller caller, Work<T> work) {
        return enter(mutation, caller, false, work);
    }

    /** The same, every statement reading one snapshot of the database (REPEATABLE READ): for work that reads table after table. */
    <T> T enterInOneSnapshot(Mutation mutation, Caller caller, Work<T> work) {
        return enter(mutation, caller, true, work);
    }

    private <T> T enter(Mutation mutation, Caller caller, boolean oneSnapshot, Work<T> work) {
        connections.withConnection(false, c -> Organizations.require(c, mutation.organization()));
        Connections.Work<Attempt<T>> transaction = connection -> {
            TenantSchema schema = TenantSchema.load(connection);
            Organization organization = ProductionBoundary.enter(connection, mutation.organization(), mutation.confirmation(),
                    mutation.verb(), busyTimeout, schema, mutation.operation().label() + "-" + UUID.randomUUID());
            return work.run(new Inside(connection, schema, organization, caller));
        };
        return audited(mutation.operation(), mutation.organization(), mutation.pack(), caller,
                () -> oneSnapshot ? connections.inOneSnapshot(transaction) : connections.inTransaction(transaction));
    }

    /** A read-only operation on a production organization is refused like a mutation, and audited as one. */
    void refuseProduction(AuditOperation operation, Organization organization, PackDescriptor pack, Caller caller) {
        if (organization.production()) {
            audited(operation, organization.slug(), pack, caller, () -> {
                ProductionBoundary.refuseProduction(organization);
                return null;
            });
        }
    }

    /** Records a refusal a front end made itself before starting the operation, as the operation records its own, and throws it. */
    void refused(AuditOperation operation, String organization, Caller caller, SeedResetException refusal) {
        audited(operation, organization, null, caller, () -> {
            throw refusal;
        });
    }

    @FunctionalInterface
    private interface AuditedWork<T> {
        Attempt<T> run() throws SQLException;
    }

    /** Records the attempt before the work and its outcome after, each in its own transaction. */
    private <T> T audited(AuditOperation operation, String organization, PackDescriptor pack, Caller caller, AuditedWork<T> work) {
        long entry;
        try {
            entry = audit.start(caller.actor(), operation, organization, pack == null ? null : pack.id(),
                    pack == null ? null : pack.version());
        } catch (SQLException e) {
            throw DatabaseErrors.translate(e);
        }
        Attempt<T> attempt;
        try {
            attempt = work.run();
        } catch (SeedResetException e) {
            record(entry, outcomeOf(e), null, e.getMessage());
            throw e;
        } catch (SQLException e) {
            SeedResetException translated = DatabaseErrors.translate(e);
            record(entry, outcomeOf(translated), null, translated.getMessage());
            throw translated;
        } catch (RuntimeException e) {
            record(entry, AuditOutcome.FAILED, null, String.valueOf(e.getMessage()));
            throw e;
        }
        record(entry, attempt.outcome(), attempt.applicationId(), attempt.message());
        return attempt.value();
    }

    private static AuditOutcome outcomeOf(SeedResetException e) {
        return switch (e.kind()) {
            case REFUSED -> AuditOutcome.REFUSED;
            case CONFLICT -> AuditOutcome.CONFLICT;
            default -> AuditOutcome.FAILED;
        };
    }

    /**
     * Records an attempt's outcome. If that fails, the work itself has already committed or
     * rolled back, so its result stands; the entry stays 'started', which history never reads
     * as a success.
     */
    private void record(long entry, AuditOutcome outcome, UUID applicationId, String message) {
        try {
            audit.finish(entry, outcome, applicationId, message);
        } catch (SQLException e) {
            LOG.warn("could not record the outcome of audit entry {} ({}): {}", entry, outcome, e.getMessage());
        }
    }
}
