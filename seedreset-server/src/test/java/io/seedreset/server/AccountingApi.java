package io.seedreset.server;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import io.seedreset.api.OrganizationKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The accounting module's tests' fixture: {@link AccountingBooksPack} applied to two demo organizations of one database
 * (Demo Travel Co, whose books the tests read and post to, and a rival whose ids must never answer), and the people
 * who call: the pack's owner, accountant and planner, and a ticketing account.
 */
final class AccountingApi {

    static final String ORG = "demo-travel";
    static final String RIVAL = "rival-travel";
    static final String PREFIX = "/api/v1/accounting";
    /** The organization named by slug, as a condition's value. */
    static final String ORG_ID = "(SELECT id FROM platform.organizations WHERE slug = ?)";

    private AccountingApi() {
    }

    /** The API over both organizations, the books applied to each at the anchor (2026-11-21). */
    static ApiFixture start() {
        ApiFixture api = ApiFixture.start(ORG, "Demo Travel Co (demo)", new AccountingBooksPack());
        api.organization(RIVAL, "Rival Travel (demo)", OrganizationKind.DEMO);
        api.apply(AccountingBooksPack.ID, ORG);
        api.apply(AccountingBooksPack.ID, RIVAL);
        return api;
    }

    static String signIn(ApiFixture api, String organization, String email) throws Exception {
        return api.signIn(organization, email, AccountingBooksPack.PASSWORD);
    }

    /** Adds a ticketing customer (ticketing.users) to the organization and signs them in. */
    static String ticketingAccount(ApiFixture api, String organization) throws Exception {
        String email = "fan@" + organization + ".example.org";
        api.tenant.execute("""
                INSERT INTO ticketing.users (org_id, id, company_id, email, password_hash, first_name, last_name, phone, role, email_verified,
                                             active, created_at, last_login_at)
                SELECT id, gen_random_uuid(), NULL, ?, ?, 'Fan', 'Account', NULL, 'CUSTOMER', true, true, now(), NULL
                  FROM platform.organizations WHERE slug = ?""",
                email, BCrypt.withDefaults().hashToString(4, AccountingBooksPack.PASSWORD.toCharArray()), organization);
        return api.signIn(organization, email, AccountingBooksPack.PASSWORD);
    }

    /** The one value the query finds (an id, a number), as text. */
    static String one(ApiFixture api, String sql, Object... parameters) {
        List<String> found = api.tenant.strings(sql, parameters);
        assertThat(found).as(sql).hasSize(1);
        return found.get(0);
    }

    /** The id of the organization's row of {@code table} whose {@code column} is {@code value}. */
    static String idOf(ApiFixture api, String organization, String table, String column, String value) {
        return one(api, "SELECT id::text FROM " + table + " WHERE org_id = " + ORG_ID + " AND " + column + " = ?", organization, value);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    /** A JSON number as money, to compare with {@link #money}. */
    static BigDecimal money(JsonNode value) {
        assertThat(value.isNumber()).as("a number: " + value).isTrue();
        return value.decimalValue().setScale(2);
    }

    /** The field of each element of an array, as text. */
    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.get(field).asText()));
        return texts;
    }
}
