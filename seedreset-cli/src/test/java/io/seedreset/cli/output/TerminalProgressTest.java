package io.seedreset.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The engine never knows how many rows a task will take, so progress is a count, not a percentage of '?'. */
class TerminalProgressTest {

    /** What the bar would have drawn on a terminal, line by line. */
    private static final class Drawn implements ProgressBarConsumer {

        /** What was drawn, without the blank line that clears it when the task ends. */
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final int width;

        Drawn(int width) {
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String line) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void progress_of_unknown_size_shows_the_rows_done_without_a_percentage() {
        Drawn drawn = new Drawn(80);
        TerminalProgress progress = new TerminalProgress(() -> drawn);
        progress.start("apply high-volume-sales");
        progress.advance(70);
        progress.advance(4);
        progress.finish();

        assertThat(drawn.lines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("?", "%")
                .startsWith("apply high-volume-sales: ").hasSizeLessThanOrEqualTo(80));
        assertThat(drawn.lines).anySatisfy(line -> assertThat(line).startsWith("apply high-volume-sales: 74 rows"));
    }

    @Test
    void thousands_are_grouped_and_a_narrow_terminal_shortens_the_task_not_the_count() {
        Drawn drawn = new Drawn(30);
        TerminalProgress progress = new TerminalProgress(() -> drawn);
        progress.start("apply high-volume-sales");
        progress.advance(1_234_567);
        progress.finish();
        assertThat(drawn.lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(30));
        assertThat(drawn.lines).anySatisfy(line -> assertThat(line).isEqualTo("…-volume-sales: 1,234,567 rows"));
    }
}
