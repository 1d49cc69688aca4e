package io.seedreset.cli.output;

import io.seedreset.api.Progress;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws the engine's progress on stderr; used only when stderr is a terminal. The engine reports
 * rows as it writes them and never a total, so the line counts them
 * ({@code apply high-volume-sales: 45,382 rows (0:03)}) instead of drawing a bar of an unknown whole.
 */
public final class TerminalProgress implements Progress {

    private final Supplier<ProgressBarConsumer> consumer;
    private ProgressBar bar;

    public TerminalProgress() {
        this(() -> new ConsoleProgressBarConsumer(System.err));
    }

    /** Draws to {@code consumer} instead of the terminal. */
    TerminalProgress(Supplier<ProgressBarConsumer> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void start(String task) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).continuousUpdate().clearDisplayOnFinish()
                .setRenderer((state, width) -> line(state.getTaskName(), state.getCurrent(), state.getTotalElapsed(), width))
                .setConsumer(consumer.get()).build();
    }

    @Override
    public void advance(long rows) {
        if (bar != null) {
            bar.stepBy(rows);
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /**
     * {@code TASK: 1,234 rows (m:ss)} in at most {@code width} columns (none when 0 or less): on a
     * narrow terminal the time goes first, then the start of the task's name.
     */
    static String line(String task, long rows, Duration elapsed, int width) {
        String count = String.format(Locale.ROOT, "%,d rows", rows);
        String time = String.format(Locale.ROOT, " (%d:%02d)", elapsed.toMinutes(), elapsed.toSecondsPart());
        String full = task + ": " + count + time;
        if (width <= 0 || full.length() <= width) {
            return full;
        }
        String untimed = task + ": " + count;
        if (untimed.length() <= width) {
            return untimed;
        }
        int taskRoom = width - count.length() - 3; // "…" and ": "
        return taskRoom > 0 ? "…" + task.substring(task.length() - taskRoom) + ": " + count : count.substring(0, Math.min(count.length(), width));
    }
}
