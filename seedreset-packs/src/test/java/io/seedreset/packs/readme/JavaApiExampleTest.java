package io.seedreset.packs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedreset.api.ApplyRequest;
import io.seedreset.api.ApplyResult;
import io.seedreset.api.OrganizationKind;
import io.seedreset.api.PackRequest;
import io.seedreset.api.PlanResult;
import io.seedreset.api.SeedReset;
import io.seedreset.api.TeardownRequest;
import io.seedreset.api.TeardownResult;
import io.seedreset.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's Java API example, compiled and run as written, and kept word for word in the README. */
class JavaApiExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path THIS_FILE = Path.of("src", "test", "java", "io", "seedreset", "packs", "readme", "JavaApiExampleTest.java");

    @Test
    void the_example_runs_as_written() {
        DataSource dataSource = TestDatabases.newDatabase();
        // README example begins
        SeedReset seedReset = SeedReset.configure()
                .dataSource(dataSource)        // required: a PostgreSQL DataSource
                .actor("alice")                // default: the OS user
                .busyTimeout(Duration.ofSeconds(3))
                .load();                       // packs on the classpath are found by ServiceLoader

        seedReset.init();
        seedReset.createOrganization("acme-demo", "Acme Events (demo)", OrganizationKind.DEMO);
        PlanResult plan = seedReset.plan(PackRequest.of("event-agency-starter", "acme-demo"));
        ApplyResult applied = seedReset.apply(ApplyRequest.of(PackRequest.of("event-agency-starter", "acme-demo"))
                .confirm("acme-demo").planHash(plan.planHash()));
        TeardownResult removed = seedReset.teardown(TeardownRequest.of("acme-demo").confirm("acme-demo"));
        // README example ends
        assertThat(applied.totalRows()).isEqualTo(plan.totalRows()).isPositive();
        assertThat(removed.totalRows()).isEqualTo(applied.totalRows());
    }

    @Test
    void the_readme_shows_the_example_word_for_word() throws IOException {
        String source = Files.readString(THIS_FILE);
        Matcher tested = Pattern.compile("// README example begins\\n(.*?)\\n\\s*// README example ends", Pattern.DOTALL).matcher(source);
        assertThat(tested.find()).isTrue();
        Matcher shown = Pattern.compile("## The Java API.*?```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(shown.find()).as("README has a java block under '## The Java API'").isTrue();
        assertThat(shown.group(1)).isEqualTo(tested.group(1).stripIndent().strip());
    }
}
