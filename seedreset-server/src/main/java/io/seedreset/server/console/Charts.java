package io.seedreset.server.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bars drawn as inline SVG, sized by attributes (the console's content security policy allows no inline
 * style, and no chart library is loaded from anywhere): a share bar for a table cell, and requests per day
 * stacked by series for the usage page. Colours come from console.css ({@code series-0} to {@code series-7}).
 */
final class Charts {

    /** As many colours as console.css has; more series than this reuse them. */
    static final int SERIES_COLOURS = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private Charts() {
    }

    /** A horizontal bar: {@code value} out of {@code max}, stretched to its cell's width. */
    static Html bar(long value, long max) {
        double share = max <= 0 ? 0 : Math.max(value > 0 ? 1.5 : 0, 100.0 * value / max);
        return Html.of("""
                <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">\
                <rect class="bar-track" width="100" height="8" rx="2"/><rect class="bar-fill" width="{}" height="8" rx="2"/></svg>""",
                String.format(Locale.ROOT, "%.2f", share));
    }

    /** A swatch of a series' colour, for a legend. */
    static Html swatch(int series) {
        return Html.of("<svg class=\"swatch\" viewBox=\"0 0 10 10\" width=\"10\" height=\"10\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect class=\"series-{}\" width=\"10\" height=\"10\" rx=\"2\"/></svg>", series % SERIES_COLOURS);
    }

    /**
     * Requests per day, each day's bar stacked by series (modules) in the order given.
     *
     * @param counts per day, per series name
     */
    static Html perDay(String id, String title, List<LocalDate> days, List<String> series, Map<LocalDate, Map<String, Long>> counts) {
        int width = 720;
        int height = 220;
        int left = 44;
        int bottom = 26;
        int top = 10;
        long max = 0;
        for (LocalDate day : days) {
            max = Math.max(max, counts.getOrDefault(day, Map.of()).values().stream().mapToLong(Long::longValue).sum());
        }
        long scale = niceCeiling(max);
        double plotHeight = height - top - bottom;
        double slot = (double) (width - left) / days.size();
        double barWidth = Math.max(2, slot * 0.68);
        List<Html> parts = new ArrayList<>();
        for (int step = 0; step <= 2; step++) {
            if (step == 1 && scale % 2 != 0) {
                continue; // a half of 1 or 5 is no whole number of requests
            }
            long value = scale * step / 2;
            double y = top + plotHeight - plotHeight * step / 2;
            parts.add(Html.of("<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                    left, width, number(y), number(y), left - 6, number(y + 4), Formats.count(value)));
        }
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 10.0));
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            Map<String, Long> ofDay = counts.getOrDefault(day, Map.of());
            double x = left + slot * i + (slot - barWidth) / 2;
            double y = top + plotHeight;
            long dayTotal = ofDay.values().stream().mapToLong(Long::longValue).sum();
            for (int s = 0; s < series.size(); s++) {
                long value = ofDay.getOrDefault(series.get(s), 0L);
                if (value == 0) {
                    continue;
                }
                double h = plotHeight * value / scale;
                y -= h;
                parts.add(Html.of("<rect class=\"series-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}: {} {}</title></rect>",
                        s % SERIES_COLOURS, number(x), number(y), number(barWidth), number(h), DAY.format(day), series.get(s),
                        Formats.count(value, "request", "requests")));
            }
            if (dayTotal == 0) {
                parts.add(Html.of("<rect class=\"bar-none\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"1\"><title>{}: no requests</title></rect>",
                        number(x), number(top + plotHeight - 1), number(barWidth), DAY.format(day)));
            }
            if (i % labelEvery == 0 || i == days.size() - 1) {
                parts.add(Html.of("<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", number(x + barWidth / 2),
                        height - 8, DAY.format(day)));
            }
        }
        return Html.of("""
                <svg class="chart" id="{}" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title" focusable="false">\
                <title id="{}-title">{}</title>{}</svg>""", id, width, height, id, id, title, parts);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 1), for the axis' top. */
    static long niceCeiling(long max) {
        long power = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power >= max) {
                    return Math.max(1, factor * power);
                }
            }
            power *= 10;
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
