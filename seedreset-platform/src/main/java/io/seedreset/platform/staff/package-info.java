/**
 * The staff who run demo tenants through the admin API and the console (module {@code operations}):
 * each member a name and one bearer token, shown once, kept only as a hash, revocable.
 */
package io.seedreset.platform.staff;
