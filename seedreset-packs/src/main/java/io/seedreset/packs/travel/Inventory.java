package io.seedreset.packs.travel;

import io.seedreset.pack.Draw;
import io.seedreset.pack.PackContext;
import io.seedreset.pack.Row;
import io.seedreset.pack.RowSink;
import io.seedreset.packs.travel.Catalog.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The stock the company keeps, and how it moves: each month brochures go out to prospects and
 * welcome kits and luggage tags to every traveller (an ISSUE, expensed to 6200 at cost), and early
 * in the month whatever would run below its reorder point after the month's issues is reordered in
 * whole lots from the printers (a PURCHASE, arriving with its bill on 1200). Stock starts empty on
 * the opening day, so the first month's orders fill the shelves; a purchase always precedes the
 * month's issue, so on-hand never goes below zero.
 */
final class Inventory {

    /** Movement keys: {@code 100 * age + item}. */
    private static final int KEYS_PER_MONTH = 100;

    record Movement(String kind, int key, Item item, UUID itemId, LocalDate on, int quantity, UUID billId, Books.Entry entry,
                    String memo) {
    }

    private final PackContext ctx;
    private final Calendar calendar;
    private final Books books;
    private final Map<Item, Integer> onHand = new LinkedHashMap<>();
    /** The business's size against one of 30 invoices a month: brochure mailings and order lots follow it. */
    private final double scale;
    final List<Movement> movements = new ArrayList<>();

    Inventory(PackContext ctx, Calendar calendar, Books books, double scale) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.books = books;
        this.scale = scale;
        Catalog.ITEMS.forEach(item -> onHand.put(item, 0));
    }

    UUID itemId(Item item) {
        return ctx.id("item", Catalog.ITEMS.indexOf(item));
    }

    /** Moves the stock month by month. {@code travellers} are those who booked each month (by age). */
    void move(Map<Integer, Integer> travellers, Payables payables) {
        for (int age : calendar.ages()) {
            YearMonth month = calendar.month(age);
            String name = month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear();
            Draw draw = ctx.draw("stock", age);
            Map<Item, Integer> issues = new LinkedHashMap<>();
            for (Item item : Catalog.ITEMS) {
                double noise = 0.85 + 0.3 * draw.random().nextDouble();
                double quantity = item.perTraveller() ? travellers.getOrDefault(age, 0) * noise
                        : item.monthlyBase() * calendar.season(age) * calendar.growth(age) * scale * noise;
                issues.put(item, (int) Math.max(1, Math.round(quantity)));
            }
            // Each supplier delivers once in the first week or so; the month's issue goes out in its last ten days.
            LocalDate issueDay = Calendar.weekdayOnOrBefore(month.atDay(draw.between(20, 27)));
            order(age, 0, Catalog.BROCHURE_PRINTER, Calendar.weekdayOnOrAfter(month.atDay(draw.between(3, 7))), issues, payables);
            order(age, 1, Catalog.PROMOTIONAL_GOODS, Calendar.weekdayOnOrAfter(month.atDay(draw.between(4, 9))), issues, payables);
            if (!calendar.happened(issueDay)) {
                continue;
            }
            for (Item item : Catalog.ITEMS) {
                int quantity = issues.get(item);
                int key = age * KEYS_PER_MONTH + Catalog.ITEMS.indexOf(item);
                BigDecimal cost = Money.times(Money.cents(item.unitCostCents()), quantity);
                String memo = item.perTraveller() ? item.name() + ": handed to travellers who booked in " + name
                        : item.name() + ": mailed to prospects and handed out, " + name;
                Books.Entry entry = books.entry("issue", key, issueDay, Calendar.atOfficeHours(ctx.draw("issue", key), issueDay),
                        Books.Source.INVENTORY, memo, Personas.ACCOUNTANT.email())
                        .debit(Chart.MARKETING, cost, item.sku())
                        .credit(Chart.INVENTORY, cost, item.sku())
                        .post();
                onHand.merge(item, -quantity, Integer::sum);
                movements.add(new Movement("issue", key, item, itemId(item), issueDay, -quantity, null, entry, memo));
            }
        }
    }

    /** A supplier's delivery: every item of theirs that the month's issue would take below its reorder point, in whole lots. */
    private void order(int age, int slot, int supplier, LocalDate day, Map<Item, Integer> issues, Payables payables) {
        if (!calendar.happened(day)) {
            return;
        }
        List<Payables.Line> lines = new ArrayList<>();
        List<Item> ordered = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (Item item : Catalog.ITEMS) {
            if (item.supplier() != supplier) {
                continue;
            }
            int missing = issues.get(item) + item.reorderPoint() - onHand.get(item);
            if (missing <= 0) {
                continue;
            }
            int lot = lot(item);
            int quantity = (missing + lot - 1) / lot * lot;
            lines.add(Payables.line(item.name() + " (" + item.sku() + ")", quantity, Money.cents(item.unitCostCents()), false,
                    Chart.INVENTORY, itemId(item)));
            ordered.add(item);
            quantities.add(quantity);
        }
        if (lines.isEmpty()) {
            return;
        }
        Payables.Bill bill = payables.purchase(age, slot, supplier, day, lines);
        for (int i = 0; i < ordered.size(); i++) {
            Item item = ordered.get(i);
            onHand.merge(item, quantities.get(i), Integer::sum);
            movements.add(new Movement("purchase", age * KEYS_PER_MONTH + Catalog.ITEMS.indexOf(item), item, itemId(item), day,
                    quantities.get(i), bill.id, null, "Delivered by " + bill.vendor.spec().name()));
        }
    }

    /** An item's order lot at the business's size, in round fifties. */
    private int lot(Item item) {
        return (int) Math.max(50, Math.round(item.lot() * scale / 50) * 50);
    }

    // ---------------------------------------------------------------- rows

    void writeItems(RowSink sink) {
        for (Item item : Catalog.ITEMS) {
            sink.add("accounting.inventory_items", Row.withId(itemId(item))
                    .set("sku", item.sku())
                    .set("name", item.name())
                    .set("unit_cost", Money.cents(item.unitCostCents()))
                    .set("currency", Money.USD)
                    .set("quantity_on_hand", onHand.get(item))
                    .set("reorder_point", item.reorderPoint()));
        }
    }

    void writeMovements(RowSink sink) {
        for (Movement movement : movements) {
            sink.add("accounting.inventory_movements", Row.withId(ctx.id("movement/" + movement.kind(), movement.key()))
                    .set("item_id", movement.itemId())
                    .set("moved_on", movement.on())
                    .set("kind", movement.kind().equals("issue") ? "ISSUE" : "PURCHASE")
                    .set("quantity", movement.quantity())
                    .set("unit_cost", Money.cents(movement.item().unitCostCents()))
                    .set("bill_id", movement.billId())
                    .set("entry_id", movement.entry() == null ? null : movement.entry().id)
                    .set("memo", movement.memo()));
        }
    }
}
