/**
 * What every module's JDBC code shares: a page of rows with its total ({@link io.seedreset.platform.sql.Slice})
 * and one unit of work in one transaction ({@link io.seedreset.platform.sql.Transactions}).
 */
package io.seedreset.platform.sql;
