package io.seedreset.platform.ticketing;

/** Where a ticket stands ({@code ticketing.tickets.status}); a filter of the tickets list. */
public enum TicketStatus { VALID, USED, TRANSFERRED, CANCELLED }
