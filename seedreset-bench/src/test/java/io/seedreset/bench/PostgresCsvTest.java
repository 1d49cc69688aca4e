package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCsvTest {

    private static List<String> record(String... fields) {
        return Arrays.asList(fields);
    }

    @Test
    void readsHeaderAndPlainRecords() {
        assertThat(PostgresCsv.parse("org_id,id,name\n1,2,Ada\n1,3,Grace\n"))
                .containsExactly(record("org_id", "id", "name"), record("1", "2", "Ada"), record("1", "3", "Grace"));
    }

    @Test
    void unquotedEmptyIsNullAndQuotedEmptyIsTheEmptyString() {
        assertThat(PostgresCsv.parse("a,\"\",,b\n")).containsExactly(record("a", "", null, "b"));
    }

    @Test
    void nullInTheFirstAndLastColumn() {
        assertThat(PostgresCsv.parse(",x,\n")).containsExactly(record(null, "x", null));
        assertThat(PostgresCsv.parse(",x,")).containsExactly(record(null, "x", null));
    }

    @Test
    void quotedFieldsKeepCommasNewlinesAndDoubledQuotes() {
        String text = "1,\"Smith, John\",\"line one\nline two\",\"say \"\"hi\"\"\",\"\"\"\"\n2,x,\"\r\n\",y\n";
        assertThat(PostgresCsv.parse(text)).containsExactly(
                record("1", "Smith, John", "line one\nline two", "say \"hi\"", "\""),
                record("2", "x", "\r\n", "y"));
    }

    @Test
    void valuesPostgresWritesUnquotedStayAsTheyAre() {
        assertThat(PostgresCsv.parse("{a,b}\n")).containsExactly(record("{a", "b}"));
        assertThat(PostgresCsv.parse("\"{a,b}\",\\x00ff,2026-11-21 09:00:00+00, spaced \n"))
                .containsExactly(record("{a,b}", "\\x00ff", "2026-11-21 09:00:00+00", " spaced "));
    }

    @Test
    void aLastRecordWithoutNewlineAndCrLfEndingsAreRead() {
        assertThat(PostgresCsv.parse("a,b\r\nc,d")).containsExactly(record("a", "b"), record("c", "d"));
    }

    @Test
    void anEmptyLineIsOneNullField() {
        assertThat(PostgresCsv.parse("x\n\ny\n")).containsExactly(record("x"), record((String) null), record("y"));
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(PostgresCsv.parse("")).isEmpty();
    }

    @Test
    void refusesWhatPostgresNeverWrites() {
        assertThatThrownBy(() -> PostgresCsv.parse("a,\"open\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not PostgreSQL CSV: a quoted field is never closed (line 1)");
        assertThatThrownBy(() -> PostgresCsv.parse("ok\na,\"b\"c\n"))
                .hasMessage("not PostgreSQL CSV: text follows the closing quote of a field (line 2)");
        assertThatThrownBy(() -> PostgresCsv.parse("a,b\"c\n"))
                .hasMessage("not PostgreSQL CSV: a quote inside an unquoted field (line 1)");
    }
}
