/**
 * The production boundary (DESIGN.md, "The one invariant"): the code-level check on a locked
 * organization row, the database guard triggers and the check that they are installed, and
 * the typed confirmation. Every mutating operation goes through {@link io.seedreset.internal.safety.ProductionBoundary}.
 */
package io.seedreset.internal.safety;
