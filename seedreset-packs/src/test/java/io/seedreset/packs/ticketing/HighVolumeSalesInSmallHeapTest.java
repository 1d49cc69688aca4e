package io.seedreset.packs.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bulk path streams: the 60,000-row scenario applies in a JVM whose heap is capped at 256 MB. */
class HighVolumeSalesInSmallHeapTest {

    @Test
    void high_volume_sales_applies_with_a_256_mb_heap() throws IOException, InterruptedException {
        String url = TestDatabases.url(TestDatabases.newDatabase());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ApplyInSmallHeap.class.getName(), url).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).as(output).containsPattern(ApplyInSmallHeap.APPLIED + "\\d{5}, max heap 2\\d\\d MB");
    }
}
