/**
 * The JUnit 5 extension: {@link io.seedreset.junit.SeedResetTest} on a test class gives it an organization of
 * kind qa of its own, with the packs its {@link io.seedreset.junit.WithPack} annotations name applied once, and
 * returns that organization to the applied state after every test, whatever connections the test wrote through.
 */
package io.seedreset.junit;
