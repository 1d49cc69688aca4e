/**
 * The agency modules' routes: one {@link io.seedreset.server.ApiModule} per platform module ({@code suppliers},
 * {@code events}, {@code sales}, {@code budget}, {@code dispatch}, {@code spaces}), so that each can be switched
 * off alone. They translate HTTP to and from {@code io.seedreset.platform.agency}, where the queries and the
 * booking live.
 *
 * <p>Who may call: the agency's people, kept in {@code identity.users}. Every one of them (the packs' owner
 * and planner alike) reads every module and books spaces: an agency this size shares its books, and a
 * planner prices events against the budget. A ticketing account ({@code ticketing.users}) is refused with
 * 403 on every agency route. Ids of another organization's rows are 404, as missing ones are.
 */
package io.seedreset.server.agency;
