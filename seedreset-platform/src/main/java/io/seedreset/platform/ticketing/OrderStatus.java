package io.seedreset.platform.ticketing;

/** Where an order stands ({@code ticketing.orders.status}); a filter of the orders list. */
public enum OrderStatus { PENDING, PAID, CANCELLED, REFUNDED }
