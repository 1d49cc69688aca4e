/**
 * What every module's JDBC code shares: a read of one organization's rows assembled from filters
 * ({@link io.seedreset.platform.sql.Select}), a page of rows with its total ({@link io.seedreset.platform.sql.Slice}),
 * a single-row write ({@link io.seedreset.platform.sql.Sql}) and one unit of work in one transaction
 * ({@link io.seedreset.platform.sql.Transactions}).
 */
package io.seedreset.platform.sql;
