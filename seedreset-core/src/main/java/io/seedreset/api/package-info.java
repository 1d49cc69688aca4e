/**
 * Public API: {@link io.seedreset.api.SeedReset} and its configuration, the requests each
 * operation takes and the results it returns. Front ends (CLI, server) use only this package,
 * {@link io.seedreset.api.json} to write results as JSON, and {@link io.seedreset.pack};
 * everything under {@code io.seedreset.internal} may change.
 */
package io.seedreset.api;
