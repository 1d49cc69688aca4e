/**
 * {@code seedreset serve}: the reference platform's HTTP API over the same Java API as the CLI.
 * {@link io.seedreset.server.SeedResetServer} owns the Javalin instance, its JSON dialect (core's
 * {@link io.seedreset.api.json.SeedResetJson}) and the error responses; modules add their routes.
 * Its guardrails: {@link io.seedreset.server.RateLimiter} ({@link io.seedreset.server.RateLimits}) and
 * {@link io.seedreset.server.AccessLog}, told who is calling through {@link io.seedreset.server.RequestAttributes}.
 */
package io.seedreset.server;
