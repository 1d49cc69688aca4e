package com.example.helpdesk;

import java.time.Instant;

/** A customer's request to the helpdesk, as the application reads it. */
public record Ticket(long id, long customerId, Long assigneeId, String priority, String status, String subject,
                     Long duplicateOf, Instant openedAt, Instant solvedAt) {

    public boolean solved() {
        return status.equals("solved");
    }
}
