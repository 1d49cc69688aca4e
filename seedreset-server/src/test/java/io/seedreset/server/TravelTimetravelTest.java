package io.seedreset.server;

import static io.seedreset.server.TravelApi.ACCOUNTANT;
import static io.seedreset.server.TravelApi.ORG;
import static io.seedreset.server.TravelApi.PREFIX;
import static io.seedreset.server.TravelApi.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.TimetravelRequest;
import io.seedreset.api.TimetravelResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Demo Travel Co pushed three months into the future before a sales call: the accounting API's today for
 * the organization moves with its clock (the reports' day, what is overdue), the months skipped hold the
 * invoices and payments of synthetic activity, every rule of the books still holds, and going back leaves
 * the books exactly as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TravelTimetravelTest {

    private ApiFixture api;
    private String accountant;

    @BeforeAll
    void start() throws Exception {
        api = TravelApi.start("minimal");
        accountant = TravelApi.signIn(api, ORG, ACCOUNTANT);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void three_months_ahead_the_books_age_and_grow_and_back_they_are_as_they_were() throws Exception {
        Map<String, String> before = TravelApi.books(api, ORG);
        assertThat(report("/reports/aged-receivables").get("asOf").asText()).isEqualTo(TODAY.toString());
        long invoices = count("accounting.invoices");

        TimetravelResult ahead = api.tenant.seedReset.timetravel(TimetravelRequest.of(ORG, 3).confirm(ORG));

        assertThat(ahead.today()).isEqualTo(TODAY.plusMonths(3));
        assertThat(report("/reports/aged-receivables").get("asOf").asText()).as("the API's today is the organization's")
                .isEqualTo(TODAY.plusMonths(3).toString());
        assertThat(report("/reports/trial-balance").get("asOf").asText()).isEqualTo(TODAY.plusMonths(3).toString());
        assertThat(count("accounting.invoices")).as("the weekdays skipped brought invoices").isGreaterThan(invoices + 30);
        assertThat(api.tenant.strings("SELECT max(issue_date)::text FROM accounting.invoices")).singleElement()
                .satisfies(last -> assertThat(last.compareTo(TODAY.plusMonths(2).toString())).isPositive());
        TravelApi.assertRulesHold(api, ORG);

        TimetravelResult back = api.tenant.seedReset.timetravel(TimetravelRequest.of(ORG, -3).confirm(ORG));

        assertThat(back.toMonths()).isZero();
        assertThat(TravelApi.books(api, ORG)).isEqualTo(before);
        assertThat(report("/reports/aged-receivables").get("asOf").asText()).isEqualTo(TODAY.toString());
    }

    private JsonNode report(String path) throws Exception {
        ApiFixture.Response response = api.get(accountant, PREFIX + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private long count(String table) {
        return api.tenant.queryForLong("SELECT count(*) FROM " + table + " WHERE org_id = " + TravelApi.ORG_ID, ORG);
    }
}
