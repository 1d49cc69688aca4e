/**
 * The operations behind {@link io.seedreset.api.SeedReset}: resolving a pack request, plan,
 * apply, teardown, reset, history, and the audited transaction every mutation runs in.
 */
package io.seedreset.internal.engine;
