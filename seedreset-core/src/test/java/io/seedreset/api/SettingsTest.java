package io.seedreset.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A settings file (the CLI's --config, the JUnit extension's seedreset.properties) read into migrations and a tenancy. */
class SettingsTest {

    @Test
    void every_key_reaches_the_tenancy_and_the_migrations() throws IOException {
        Settings settings = Settings.parse(properties("""
                migrations = classpath:db/seedreset , classpath:db/migration
                tenant.column=tenant_id
                tenant.tables=crm.*,billing.invoices
                tenants.table=crm.accounts
                tenants.key=account_id
                tenants.production=live
                tenants.slug=code
                tenants.name=display_name
                """), "test");
        assertThat(settings.migrations()).containsExactly("classpath:db/seedreset", "classpath:db/migration");
        assertThat(settings.tenancy()).isEqualTo(Tenancy.column("tenant_id").tables("crm.*", "billing.invoices")
                .tenantsTable(Tenancy.TenantsTable.of("crm.accounts", "account_id", "live").slug("code").name("display_name")));
        assertThat(settings.tenancy().covers("crm.teams")).isTrue();
        assertThat(settings.tenancy().covers("billing.payments")).isFalse();
    }

    @Test
    void without_tenant_keys_the_tenancy_is_left_to_the_database() throws IOException {
        assertThat(Settings.parse(properties("migrations=classpath:db/seedreset\n"), "test"))
                .isEqualTo(new Settings(List.of("classpath:db/seedreset"), null));
        assertThat(Settings.parse(properties("tenants.table=crm.accounts\n"), "test").tenancy())
                .isEqualTo(Tenancy.DEFAULT.tenantsTable(Tenancy.TenantsTable.of("crm.accounts", "id", "is_production")));
    }

    @Test
    void a_bad_setting_is_one_line_naming_the_source() {
        assertThatThrownBy(() -> Settings.parse(properties("tenant.colum=x\n"), "settings.properties"))
                .isInstanceOfSatisfying(SeedResetException.class, e -> assertThat(e.reason()).isEqualTo(SeedResetException.Reason.INVALID_CONFIGURATION))
                .hasMessage("settings.properties has unknown setting(s) tenant.colum; known: migrations, tenant.column, tenant.tables,"
                        + " tenants.key, tenants.name, tenants.production, tenants.slug, tenants.table");
        assertThatThrownBy(() -> Settings.parse(properties("tenant.tables=crm\n"), "settings.properties"))
                .hasMessage("settings.properties: tenant table 'crm' is not a lower-case schema.table or schema.* outside the platform schema");
        assertThatThrownBy(() -> Settings.parse(properties("tenants.table=platform.organizations\n"), "settings.properties"))
                .hasMessage("settings.properties: tenants table 'platform.organizations' is not a lower-case schema.table outside the platform schema");
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
