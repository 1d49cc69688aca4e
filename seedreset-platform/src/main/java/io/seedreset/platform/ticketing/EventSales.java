package io.seedreset.platform.ticketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An event's sales, as its promoter's dashboard shows them. Two sources, named apart: the inventory
 * ({@code quantitySold}, {@code sellThrough}) counts every ticket sold, at the box office and through
 * partners as well as online; {@code ticketsSold}, {@code orders} and the money count the paid online
 * orders (the orders and their lines) alone, so that they add up to those rows: the tiers' and the days'
 * tickets and revenue sum to the totals'.
 *
 * @param timezone the event's zone, whose calendar days {@code days} are
 * @param tiers    per ticket type, early bird first
 * @param days     per day a paid order was placed, in order; days without one are left out
 */
public record EventSales(UUID eventId, String eventName, String status, String timezone, SalesTotals totals, List<TierSales> tiers,
                         List<DaySales> days) {

    /**
     * One ticket type's sales.
     *
     * @param sellThrough {@code quantitySold / quantityTotal}, to four places (0 for a tier with nothing to sell)
     * @param ticketsSold tickets on paid orders' lines of this type
     * @param revenue     those lines' totals: face value, before fees, tax and discounts
     */
    public record TierSales(UUID ticketTypeId, String tier, String name, BigDecimal price, int quantityTotal, int quantitySold,
                            int quantityAvailable, BigDecimal sellThrough, long ticketsSold, BigDecimal revenue) {
    }

    /**
     * The paid orders placed on one day of the event's calendar.
     *
     * @param revenue their lines' totals (face value)
     */
    public record DaySales(LocalDate date, long orders, long tickets, BigDecimal revenue) {
    }

    /**
     * The whole event.
     *
     * @param revenue  the paid orders' lines' totals (their subtotals)
     * @param total    what their buyers paid: {@code revenue + fees + tax - discount}
     */
    public record SalesTotals(int quantityTotal, int quantitySold, BigDecimal sellThrough, long orders, long ticketsSold, BigDecimal revenue,
                              BigDecimal fees, BigDecimal tax, BigDecimal discount, BigDecimal total) {
    }

    /** {@code sold / total} to four places; 0 when there is nothing to sell. */
    static BigDecimal sellThrough(long sold, long total) {
        return total == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(sold).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }
}
