package io.seedreset.bench;

/** SQL spellings of the names the engine reports: tables as {@code schema.table}, columns bare. */
final class SqlNames {

    private SqlNames() {
    }

    /** {@code schema.table} as a quoted SQL name: {@code "schema"."table"}. */
    static String table(String name) {
        int dot = name.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("table '" + name + "' is not named schema.table");
        }
        return identifier(name.substring(0, dot)) + '.' + identifier(name.substring(dot + 1));
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
