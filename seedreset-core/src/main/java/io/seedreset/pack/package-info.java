/**
 * Public API for pack authors: what a seed pack is ({@link io.seedreset.pack.SeedPack},
 * {@link io.seedreset.pack.PackDescriptor}), what it is given ({@link io.seedreset.pack.PackContext})
 * and where it writes ({@link io.seedreset.pack.RowSink}). Packs depend on this package only.
 */
package io.seedreset.pack;
