/**
 * The JSON dialect of the results in {@link io.seedreset.api}: {@link io.seedreset.api.json.SeedResetJson}.
 * Every front end (the CLI's {@code --json}, the HTTP server) writes results through it, so a result
 * reads the same whichever front end printed it.
 */
package io.seedreset.api.json;
