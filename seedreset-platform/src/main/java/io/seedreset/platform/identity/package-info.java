/**
 * Who signs in to the platform API and the tokens they hold (module {@code identity}): people of
 * {@code identity.users} (the agency modules) and of {@code ticketing.users} (ticketing's own
 * accounts), found by organization and email; sign-in sessions and long-lived API tokens, stored
 * only as hashes.
 */
package io.seedreset.platform.identity;
