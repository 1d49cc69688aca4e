package io.seedreset.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.SeedReset;
import io.seedreset.platform.accounting.AccountType;
import io.seedreset.platform.accounting.BillStatus;
import io.seedreset.platform.accounting.CustomerKind;
import io.seedreset.platform.accounting.InvoiceStatus;
import io.seedreset.platform.accounting.PaymentDirection;
import io.seedreset.platform.accounting.PaymentMethod;
import io.seedreset.testing.DatabaseReader;
import io.seedreset.testing.TestDatabases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The values the API's filters accept (the agency modules' lists, accounting's enums) are exactly those the schema's CHECK constraints allow, in their order. */
class AllowedValuesTest {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final DatabaseReader database = database();

    private static DatabaseReader database() {
        DataSource dataSource = TestDatabases.newDatabase();
        SeedReset.configure().dataSource(dataSource).load().init();
        return new DatabaseReader(dataSource);
    }

    @Test
    void each_list_is_its_columns_check_constraint() {
        assertThat(Vendors.CATEGORIES).isEqualTo(allowed("suppliers.vendors", "category"));
        assertThat(Events.STATUSES).isEqualTo(allowed("events.events", "status"));
        assertThat(Events.TYPES).isEqualTo(allowed("events.events", "event_type"));
        assertThat(Deals.STAGES).isEqualTo(allowed("sales.deals", "stage"));
        assertThat(Budgets.STATUSES).isEqualTo(allowed("budget.budgets", "status"));
        assertThat(WorkOrders.STATUSES).isEqualTo(allowed("dispatch.work_orders", "status"));
        assertThat(Spaces.TYPES).isEqualTo(allowed("spaces.spaces", "space_type"));
        assertThat(Reservations.STATUSES).isEqualTo(allowed("spaces.reservations", "status")).contains(Reservations.BOOKED);
    }

    @Test
    void each_accounting_enum_is_its_columns_check_constraint() {
        assertThat(names(AccountType.values())).isEqualTo(allowed("accounting.accounts", "type"));
        assertThat(names(CustomerKind.values())).isEqualTo(allowed("accounting.customers", "kind"));
        assertThat(names(InvoiceStatus.values())).isEqualTo(allowed("accounting.invoices", "status"));
        assertThat(names(BillStatus.values())).isEqualTo(allowed("accounting.bills", "status"));
        assertThat(names(PaymentDirection.values())).isEqualTo(allowed("accounting.payments", "direction"));
        assertThat(names(PaymentMethod.values())).isEqualTo(allowed("accounting.payments", "method"));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The quoted values of the one CHECK constraint on this column alone ({@code column = ANY (ARRAY['a', 'b'])}). */
    private List<String> allowed(String table, String column) {
        List<String> definitions = database.strings("""
                SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                 WHERE c.conrelid = ?::regclass AND c.contype = 'c' AND cardinality(c.conkey) = 1 AND a.attname = ?""", table, column);
        assertThat(definitions).as(table + "." + column).hasSize(1);
        List<String> values = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(definitions.get(0));
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        return values;
    }
}
