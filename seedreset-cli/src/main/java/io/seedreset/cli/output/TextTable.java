package io.seedreset.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain, left-aligned text table, sized to its content. */
public final class TextTable {

    private static final int MAX_CELL = 48;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row; cells are escaped ({@link TerminalText}) and cut to keep columns readable, except
     * the last, which often holds a message: there only long quoted values are shortened.
     */
    public TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            row.add(cell(cells[i], i == cells.length - 1));
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder("  ");
        for (int i = 0; i < cells.size(); i++) {
            text.append(cells.get(i));
            if (i < cells.size() - 1) {
                text.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        out.println(text.toString().stripTrailing());
    }

    private static String cell(Object value, boolean last) {
        String text = value == null ? "-" : value.toString();
        return last ? TerminalText.message(text) : TerminalText.shorten(TerminalText.escape(text), MAX_CELL);
    }
}
