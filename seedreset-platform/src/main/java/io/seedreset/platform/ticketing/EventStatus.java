package io.seedreset.platform.ticketing;

/** Where an event stands ({@code ticketing.events.status}); a filter of the events list. */
public enum EventStatus { DRAFT, PUBLISHED, ON_SALE, SOLD_OUT, COMPLETED, CANCELLED }
