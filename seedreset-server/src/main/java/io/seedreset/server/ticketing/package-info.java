/**
 * The ticketing module's routes ({@code /api/v1/ticketing/...}): HTTP in front of
 * {@link io.seedreset.platform.ticketing}, which decides what each ticketing account may read and reads it.
 */
package io.seedreset.server.ticketing;
