/**
 * {@code seedreset serve}: the reference platform's HTTP API over the same Java API as the CLI.
 * {@link io.seedreset.server.SeedResetServer} owns the Javalin instance, its JSON dialect (core's
 * {@link io.seedreset.api.json.SeedResetJson}) and the error responses; modules add their routes.
 */
package io.seedreset.server;
