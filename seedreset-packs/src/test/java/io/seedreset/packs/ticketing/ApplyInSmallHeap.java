package io.seedreset.packs.ticketing;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.SeedReset;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run in a child JVM with a small heap by {@link HighVolumeSalesInSmallHeapTest}: applies
 * ticketing-demo and high-volume-sales to a fresh organization and prints the row count.
 */
public final class ApplyInSmallHeap {

    static final String APPLIED = "applied rows: ";

    private ApplyInSmallHeap() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser("postgres");
        SeedReset seedReset = SeedReset.configure().dataSource(dataSource).actor("small-heap").load();
        seedReset.init();
        seedReset.createOrganization(TicketingTenant.ORG, "Encore Ticketing (demo)", OrganizationKind.DEMO);
        seedReset.apply(ApplyRequest.of(TicketingTenant.request()).confirm(TicketingTenant.ORG));
        ApplyResult result = seedReset.apply(ApplyRequest.of(PackRequest.of(HighVolumeSalesPack.ID, TicketingTenant.ORG)
                .anchor(TicketingTenant.ANCHOR)).confirm(TicketingTenant.ORG));
        System.out.println(APPLIED + result.totalRows() + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
    }
}
