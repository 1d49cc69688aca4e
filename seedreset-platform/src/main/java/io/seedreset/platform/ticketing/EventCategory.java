package io.seedreset.platform.ticketing;

/** What kind of event it is ({@code ticketing.events.category}); a filter of the events list. */
public enum EventCategory { CONCERT, SPORTS, THEATER, COMEDY, CONFERENCE, FESTIVAL }
