package io.seedreset.platform.schedule;

import io.seedreset.api.AuditOperation;

/**
 * {@code rotate-credentials}: revokes the API tokens of the organization's personas and issues new ones
 * ({@link io.seedreset.platform.identity.ApiTokens#reissue}), so that a token handed to a prospect stops
 * answering after a month. The tokens are rows of the organization ({@code identity.tokens}), so a
 * production organization is refused first, and audited, as the engine refuses its own operations there.
 */
final class CredentialRotation implements ScheduledJob {

    @Override
    public String name() {
        return "rotate-credentials";
    }

    @Override
    public String description() {
        return "revoke the organization's personas' API tokens and issue new ones";
    }

    @Override
    public String defaultTiming() {
        return "monthly 1 04:00";
    }

    /**
     * The audit has no operation of its own for tokens: a rotation is the token half of what a reset does (a
     * reset deletes every token, and new ones are issued after it), so its refusals are audited as a reset's.
     */
    @Override
    public AuditOperation auditedAs() {
        return AuditOperation.RESET;
    }

    @Override
    public String run(JobRun run) throws Exception {
        run.acting().refuseIfProduction(auditedAs(), run.organization());
        return run.reissuePersonaTokens() + " API token(s) reissued";
    }
}
