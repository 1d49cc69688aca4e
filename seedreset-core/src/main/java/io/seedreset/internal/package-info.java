/** Internals of the engine; not API, may change in any release. */
package io.seedreset.internal;
