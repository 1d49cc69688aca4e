package io.seedreset.platform.mail;

/**
 * One message to one person.
 *
 * @param kind what it is about, for the mailbox's readers: {@code order_confirmation}, {@code ticket_transfer}, ...
 */
public record Mail(String kind, String recipient, String subject, String body) {
}
