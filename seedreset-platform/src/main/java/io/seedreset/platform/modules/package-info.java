/**
 * Module flags (module {@code operations}): per organization and module of the API, on or off; an
 * unstable module is off for demo, qa and sandbox organizations unless switched on for one.
 */
package io.seedreset.platform.modules;
