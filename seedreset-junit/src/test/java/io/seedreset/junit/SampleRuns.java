package io.seedreset.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes on the JUnit Platform from inside a test, as a build tool runs them. */
final class SampleRuns {

    private SampleRuns() {
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
        for (Class<?> sample : classes) {
            builder = builder.selectors(selectClass(sample));
        }
        for (Map.Entry<String, String> parameter : configuration.entrySet()) {
            builder = builder.configurationParameter(parameter.getKey(), parameter.getValue());
        }
        return builder.execute();
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** The failures of the containers (classes) that failed, as thrown. */
    static List<Throwable> classFailures(EngineExecutionResults results) {
        return results.containerEvents().failed().stream().map(SampleRuns::thrown).toList();
    }

    /** The failures of the tests that failed, as thrown. */
    static List<Throwable> testFailures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(SampleRuns::thrown).toList();
    }

    private static Throwable thrown(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}
