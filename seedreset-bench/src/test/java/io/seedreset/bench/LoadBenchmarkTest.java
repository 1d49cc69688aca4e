package io.seedreset.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole benchmark, once, with a scenario on a base pack: the path high-volume-sales on ticketing-demo takes. */
class LoadBenchmarkTest {

    @Test
    void measuresAScenarioOnItsBasePackAndReportsEveryMethodAndTarget() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new LoadBenchmark()).execute("--pack", WalkInDealsScenarioPack.ID,
                    "--base", "event-agency-starter:minimal,events=3", "--rounds", "1", "--warmup", "1", "--per-row-limit", "150");
        } finally {
            System.setOut(stdout);
        }

        String text = report.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(text).isZero();
        assertThat(text)
                .contains("fsync=on, synchronous_commit=on")
                .contains("measured  bench-walk-ins 1.0.0, mode default, deals=400: 400 rows")
                .contains("base      event-agency-starter 1.0.0, mode minimal, events=3, spaces=2, vendors=6")
                .contains("rows      400 in 1 table: sales.deals 400")
                .containsPattern("\\(a\\) engine apply +400 ")
                .containsPattern("\\(b\\) raw COPY of pre-rendered CSV, one transaction +400 ")
                .containsPattern("\\(c\\) INSERT of 1,000 rows per statement, one transaction +400 ")
                .containsPattern("\\(d\\) INSERT per row, autocommit +150 ")
                .contains("(a) also changed 1 existing row of the base packs ({events.events=1}), which (b)-(d) do not do.")
                .contains("(d) loaded only the first 150 of the 400 rows")
                .containsPattern("teardown of the scenario +\\d+ ms +< 1000 ms +(PASS|MISS)")
                .containsPattern("reset \\(wipe \\+ apply every pack again\\) +\\d+ ms +< 2 x \\d+ ms = \\d+ ms +(PASS|MISS)");
    }
}
