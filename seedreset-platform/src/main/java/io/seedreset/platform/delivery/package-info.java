/**
 * Delivering what the platform keeps in an outbox table of the operations schema (production mail,
 * feedback for the webhook): at least once, never twice from two servers, retried with a growing delay.
 */
package io.seedreset.platform.delivery;
