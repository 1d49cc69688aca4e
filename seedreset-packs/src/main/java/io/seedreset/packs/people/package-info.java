/**
 * Names of people for the bundled packs, drawn from real frequencies (census surnames, Social
 * Security first names by birth decade), so generated customers and contacts read like real ones.
 */
package io.seedreset.packs.people;
