package io.seedreset.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedreset.api.SeedResetException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's small parts that need no browser: escaping, where sign-in may lead, parameters as typed, chart scales. */
class ConsolePiecesTest {

    @Test
    void html_escapes_every_value_and_keeps_html_pieces_as_they_are() {
        Html cell = Html.of("<td title=\"{}\">{}</td>", "a \"quoted\" 'title'", "<script>alert(1)</script> & co");
        assertThat(cell.toString()).isEqualTo("<td title=\"a &quot;quoted&quot; &#39;title&#39;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</td>");

        Html row = Html.of("<tr>{}{}</tr>", cell, List.of(Html.of("<td>{}</td>", 42), Html.text("<b>")));
        assertThat(row.toString()).isEqualTo("<tr>" + cell + "<td>42</td>&lt;b&gt;</tr>");
        assertThat(Html.of("<p>{}</p>", (Object) null).toString()).isEqualTo("<p></p>");
    }

    @Test
    void html_refuses_a_template_whose_placeholders_and_arguments_differ() {
        assertThatThrownBy(() -> Html.of("<p>{}</p>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.of("<p>{}</p>", "a", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sign_in_leads_back_only_to_a_console_page() {
        assertThat(StaffConsole.safeNext("/console/organizations/acme-demo/plan?pack=x")).isEqualTo("/console/organizations/acme-demo/plan?pack=x");
        for (String elsewhere : new String[] {null, "", "https://evil.example/", "//evil.example/console/", "/console//evil.example",
                "/console/\\evil", "/api/v1/auth/me", "/console/sign-out", "/console/x\r\nSet-Cookie: a=b", "/consolex"}) {
            assertThat(StaffConsole.safeNext(elsewhere)).as(String.valueOf(elsewhere)).isEqualTo("/console/organizations");
        }
    }

    @Test
    void parameters_are_read_one_name_value_a_line_and_a_line_without_one_is_refused() {
        assertThat(StaffConsole.settings("events=12\r\n\n  customers = 30 \nnote=a=b")).containsExactly(
                Map.entry("events", "12"), Map.entry("customers", "30"), Map.entry("note", "a=b"));
        assertThat(StaffConsole.settings(null)).isEmpty();
        assertThatThrownBy(() -> StaffConsole.settings("events 12")).isInstanceOf(SeedResetException.class)
                .hasMessage("parameter line 'events 12': write name=value");
    }

    @Test
    void a_chart_scale_is_one_two_or_five_times_a_power_of_ten() {
        assertThat(List.of(0L, 1L, 2L, 3L, 7L, 10L, 11L, 480L, 5001L).stream().map(Charts::niceCeiling).toList())
                .containsExactly(1L, 1L, 2L, 5L, 10L, 10L, 20L, 500L, 10000L);
    }
}
