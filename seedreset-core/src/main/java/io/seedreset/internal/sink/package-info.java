/**
 * Where a pack's rows go: {@link io.seedreset.internal.sink.RowStream} validates, renders and
 * digests every row the same way for plan ({@link io.seedreset.internal.sink.RecordingSink}) and
 * apply ({@link io.seedreset.internal.sink.CopySink}), so a plan cannot disagree with its apply.
 */
package io.seedreset.internal.sink;
