/**
 * Usage telemetry (module {@code operations}): what a demo, qa or sandbox organization's people do
 * with the API, counted per day, module, route and persona, for the people who run the demo.
 */
package io.seedreset.platform.usage;
