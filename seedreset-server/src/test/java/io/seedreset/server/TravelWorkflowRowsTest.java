package io.seedreset.server;

import static io.seedreset.server.TravelApi.ORG;
import static io.seedreset.server.TravelApi.ORG_ID;
import static io.seedreset.server.TravelApi.PREFIX;
import static io.seedreset.server.TravelApi.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.ResetRequest;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.TeardownRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The books the owner and the accountant write through the API over demo-travel-co's (minimal mode) are not seeded
 * rows, and they point at seeded ones (a customer, the chart, a bank account): the pack's rules hold over them, a
 * teardown refuses and names them with nothing deleted, and a reset removes them and brings back exactly the seeded books.
 */
class TravelWorkflowRowsTest {

    private static final Pattern NAMED_ROW = Pattern.compile("(accounting\\.\\w+) row ([0-9a-f-]{36}) references");

    @Test
    void validate_passes_teardown_names_the_peoples_rows_and_reset_brings_back_the_seeded_books() throws Exception {
        try (ApiFixture api = TravelApi.start("minimal")) {
            Map<String, String> seeded = TravelApi.books(api, ORG);
            String owner = TravelApi.signIn(api, ORG, TravelApi.OWNER);
            String accountant = TravelApi.signIn(api, ORG, TravelApi.ACCOUNTANT);
            String customer = one(api, "SELECT id::text FROM accounting.customers WHERE org_id = " + ORG_ID + " ORDER BY name LIMIT 1", ORG);
            String operating = one(api, "SELECT id::text FROM accounting.bank_accounts WHERE org_id = " + ORG_ID + " AND name = 'Operating Account'", ORG);

            ApiFixture.Response invoice = api.post(owner, PREFIX + "/invoices", Map.of("customerId", customer, "lines", List.of(
                    Map.of("description", "Tour package: Great Lakes lighthouses", "quantity", 2, "unitPrice", 1650, "accountCode", "4000"))));
            assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(201);
            String invoiceId = invoice.body().get("id").asText();
            ApiFixture.Response payment = api.post(accountant, PREFIX + "/payments", Map.of("customerId", customer, "bankAccountId", operating,
                    "amount", 1000, "method", "CARD", "allocations", List.of(Map.of("invoiceId", invoiceId, "amount", 1000))));
            assertThat(payment.status()).as(payment.body().toString()).isEqualTo(201);
            ApiFixture.Response payroll = api.post(owner, PREFIX + "/payroll-runs", Map.of());
            assertThat(payroll.status()).as(payroll.body().toString()).isEqualTo(201);
            TravelApi.assertRulesHold(api, ORG);

            assertThatThrownBy(() -> api.tenant.seedReset.teardown(TeardownRequest.of(ORG).confirm(ORG)))
                    .isInstanceOfSatisfying(SeedResetException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(SeedResetException.Reason.ROWS_CHANGED);
                        assertThat(refused.getMessage()).startsWith("teardown refused: ").endsWith("; nothing was deleted").doesNotContain("\n");
                        Matcher named = NAMED_ROW.matcher(refused.getMessage());
                        assertThat(named.find()).as(refused.getMessage()).isTrue();
                        assertThat(api.tenant.queryForLong("SELECT count(*) FROM " + named.group(1) + " WHERE id = ?::uuid", named.group(2)))
                                .as("a row that exists").isEqualTo(1);
                        assertThat(api.tenant.queryForLong("SELECT count(*) FROM platform.seed_rows WHERE row_id = ?", named.group(2)))
                                .as("and that nobody seeded").isZero();
                    });
            assertThat(api.tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE id = ?::uuid", invoiceId)).as("nothing torn down")
                    .isEqualTo(1);
            assertThat(api.tenant.queryForLong("SELECT count(*) FROM accounting.journal_entries WHERE org_id = " + ORG_ID, ORG))
                    .as("the seeded journal and the people's entries, all there")
                    .isEqualTo(Long.parseLong(seeded.get("accounting.journal_entries").split(" ")[0]) + 3);

            api.tenant.seedReset.reset(ResetRequest.of(ORG).confirm(ORG).anchor(ApiFixture.ANCHOR));

            assertThat(TravelApi.books(api, ORG)).as("exactly the seeded books, nothing of the people's").isEqualTo(seeded);
            assertThat(api.tenant.queryForLong("SELECT count(*) FROM accounting.invoices WHERE id = ?::uuid", invoiceId)).isZero();
            TravelApi.assertRulesHold(api, ORG);
        }
    }
}
