package io.seedreset.cli.output;

import io.seedreset.api.Progress;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws the engine's progress as a bar on stderr; used only when stderr is a terminal. */
public final class TerminalProgress implements Progress {

    private ProgressBar bar;

    @Override
    public void start(String task) {
        finish();
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setUnit(" rows", 1)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().clearDisplayOnFinish().build();
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
}
