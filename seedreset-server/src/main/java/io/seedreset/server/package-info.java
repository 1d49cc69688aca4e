/**
 * {@code seedreset serve}: the reference platform's HTTP API over the same Java API as the CLI.
 * {@link io.seedreset.server.SeedResetServer} owns the Javalin instance, its JSON dialect (core's
 * {@link io.seedreset.api.json.SeedResetJson}) and the error responses; modules add their routes.
 * Its guardrails: {@link io.seedreset.server.RateLimiter} ({@link io.seedreset.server.RateLimits}) and
 * {@link io.seedreset.server.AccessLog}, told who is calling through {@link io.seedreset.server.RequestAttributes}.
 *
 * <p>Every route is described in the API's description ({@code GET /openapi.json}, Swagger UI at
 * {@code GET /swagger}): an {@code @OpenApi} annotation on its handler, its errors an {@link io.seedreset.server.ErrorBody}.
 * {@link io.seedreset.server.ApiDescription} says how, and docs/DESIGN.md ("The API's description") shows one.
 */
package io.seedreset.server;
