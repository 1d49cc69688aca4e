package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every payment of the history, whichever side made it: what customers paid in (RECEIVED), what
 * the company paid its suppliers (SENT) and the one overpayment it gave back (REFUND). Receivables
 * and payables decide who paid what when; the bank records each payment once ({@link Banking}).
 */
final class Payments {

    enum Direction { RECEIVED, SENT, REFUND }

    /** What one payment settles of one invoice or one bill. */
    record Allocation(UUID id, UUID invoiceId, UUID billId, BigDecimal amount) {
    }

    /**
     * One payment. {@code kind} (receipt, supplier, refund) and {@code key} make its id and its
     * bank transaction's; {@code settlesOn} is when the money reaches the bank (a card payment a day
     * or two after it was made); {@code counterparty} names the customer or supplier on the statement.
     */
    record Payment(String kind, int key, UUID id, Direction direction, UUID customerId, UUID vendorId, String counterparty, LocalDate paidOn,
                   LocalDate settlesOn, BigDecimal amount, String method, String reference, Instant createdAt, Books.Entry entry,
                   List<Allocation> allocations) {

        BigDecimal allocated() {
            return Money.sum(allocations.stream().map(Allocation::amount).toList());
        }

        /** What the payment does to the bank balance: money in is positive. */
        BigDecimal signedAmount() {
            return direction == Direction.RECEIVED ? amount : amount.negate();
        }
    }

    private final PackContext ctx;
    final List<Payment> all = new ArrayList<>();
    final UUID bankAccountId;

    Payments(PackContext ctx, UUID bankAccountId) {
        this.ctx = ctx;
        this.bankAccountId = bankAccountId;
    }

    UUID id(String kind, int key) {
        return ctx.id("payment/" + kind, key);
    }

    UUID allocationId(String kind, int key) {
        return ctx.id("allocation/" + kind, key);
    }

    void add(Payment payment) {
        all.add(payment);
    }

    /** The reference a bank or a card network gives a payment of this method. */
    static String reference(Draw draw, String method) {
        return switch (method) {
            case "CARD" -> draw.pick(List.of("Visa", "Mastercard", "Amex", "Discover")) + " ending " + String.format(Locale.ROOT, "%04d",
                    draw.between(0, 9_999));
            case "CHECK" -> "Check " + draw.between(1_001, 9_899);
            case "ACH" -> "ACH trace " + String.format(Locale.ROOT, "%015d", (long) (draw.random().nextDouble() * 1e15));
            default -> "Wire " + String.format(Locale.ROOT, "%08X", draw.random().nextInt());
        };
    }

    /** The payments in date order, numbered as they are written: PMT-000001 is the first. */
    void write(RowSink sink) {
        List<Payment> ordered = all.stream().sorted(Comparator.comparing(Payment::paidOn).thenComparing(Payment::createdAt)
                .thenComparing(Payment::kind).thenComparingInt(Payment::key)).toList();
        for (int n = 0; n < ordered.size(); n++) {
            Payment payment = ordered.get(n);
            sink.add("accounting.payments", Row.withId(payment.id())
                    .set("payment_number", String.format(Locale.ROOT, "PMT-%06d", n + 1))
                    .set("direction", payment.direction().name())
                    .set("customer_id", payment.customerId())
                    .set("vendor_id", payment.vendorId())
                    .set("bank_account_id", bankAccountId)
                    .set("paid_on", payment.paidOn())
                    .set("amount", payment.amount())
                    .set("currency", Money.USD)
                    .set("method", payment.method())
                    .set("reference", payment.reference())
                    .set("entry_id", payment.entry().id)
                    .set("created_at", payment.createdAt()));
        }
        for (Payment payment : ordered) {
            for (Allocation allocation : payment.allocations()) {
                sink.add("accounting.payment_allocations", Row.withId(allocation.id())
                        .set("payment_id", payment.id())
                        .set("invoice_id", allocation.invoiceId())
                        .set("bill_id", allocation.billId())
                        .set("amount", allocation.amount())
                        .set("allocated_on", payment.paidOn()));
            }
        }
    }
}
