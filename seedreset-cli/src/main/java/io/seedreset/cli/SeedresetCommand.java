package io.seedreset.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedreset.api.Organization;
import io.seedreset.api.Progress;
import io.seedreset.api.SeedReset;
import io.seedreset.api.SeedResetException;
import io.seedreset.api.Settings;
import io.seedreset.api.json.SeedResetJson;
import io.seedreset.cli.database.Database;
import io.seedreset.cli.output.CommandWords;
import io.seedreset.cli.output.ResultPrinter;
import io.seedreset.cli.output.TerminalProgress;
import io.seedreset.platform.identity.ApiTokens;
import io.seedreset.platform.uploads.UploadStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: database options shared by every subcommand, and the session they open. */
@Command(name = "seedreset", mixinStandardHelpOptions = true, version = "seedreset 0.1.0",
        description = "Realistic, reversible seed data for demo, QA and sandbox organizations; never for production.",
        subcommands = {InitCommand.class, OrgCommand.class, PacksCommand.class, PlanCommand.class, ApplyCommand.class,
                TeardownCommand.class, ResetCommand.class, ActivityCommand.class, TimetravelCommand.class, SnapshotCommand.class, BaselineCommand.class, ImportCommand.class, ValidateCommand.class, HistoryCommand.class, MailCommand.class,
                UsageCommand.class, UploadsCommand.class, DemoCommand.class,
                DbCommand.class, ServeCommand.class, ScheduleCommand.class, TokensCommand.class, StaffCommand.class, InstallCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failure (database unreachable, uninitialised or of another version, broken validation rule)",
                "2:usage (bad arguments, unknown command, pack, organization, mode or email)", "3:refused by the production boundary",
                "4:conflict (busy, already applied, confirmation missing or wrong, plan changed, scenario order, install onto an existing file)"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  SEEDRESET_URL          default for --url",
                "  SEEDRESET_USER         default for --user",
                "  SEEDRESET_PASSWORD     default for --password",
                "  SEEDRESET_DATA_DIR     embedded database directory (default ~/.seedreset/pgdata; see 'seedreset db')",
                "  SEEDRESET_UPLOADS_DIR  uploaded files (default: beside the data directory, ~/.seedreset/pgdata.uploads)",
                "  SEEDRESET_CONFIG       default for --config",
                "  SEED_<PARAMETER>       pack parameter default, e.g. SEED_USERS=50"})
public final class SeedresetCommand implements AutoCloseable {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", scope = ScopeType.INHERIT, defaultValue = "${env:SEEDRESET_URL}",
            description = "JDBC URL of a PostgreSQL server (default: the embedded PostgreSQL)")
    String url;

    @Option(names = "--user", scope = ScopeType.INHERIT, defaultValue = "${env:SEEDRESET_USER}", description = "database user")
    String user;

    @Option(names = "--password", scope = ScopeType.INHERIT, defaultValue = "${env:SEEDRESET_PASSWORD}", description = "database password")
    String password;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print results as JSON")
    boolean json;

    @Option(names = "--actor", scope = ScopeType.INHERIT, defaultValue = "${sys:user.name}", description = "who is acting, recorded in the audit (default: the OS user)")
    String actor;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "your own schema's settings (migrations, tenant column and tables, tenants table), a properties file")
    String config;

    /** The settings file: --config, else SEEDRESET_CONFIG; null when neither names one. */
    String config() {
        return config != null ? config : environment.get("SEEDRESET_CONFIG");
    }

    /** What init stores as the tenancy: the config file's, with init's flags over it; null keeps the database's. */
    io.seedreset.api.Tenancy initTenancy;

    /** The process environment; tests pass their own. */
    final Map<String, String> environment;

    private Database database;
    private SeedReset seedReset;

    SeedresetCommand() {
        this(System.getenv());
    }

    SeedresetCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Opens the database on first use, so --help and usage errors never start PostgreSQL. */
    SeedReset seedReset() {
        if (seedReset == null) {
            if (actor == null || actor.isBlank()) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, "--actor '" + actor + "' names nobody: give the name recorded in the audit, "
                        + "or leave it out for the OS user");
            }
            if (json) {
                // With --json, stderr holds one JSON object when a command fails and nothing else: no log line may precede it.
                ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                        .setLevel(ch.qos.logback.classic.Level.OFF);
            }
            database = embedded() ? Database.embedded(dataDirectory(), commandName()) : Database.external(url, user, password);
            Settings settings = ConfigFile.read(config());
            seedReset = SeedReset.configure()
                    .dataSource(database.dataSource())
                    .actor(actor)
                    .progress(progress())
                    .settings(new Settings(settings.migrations(), initTenancy != null ? initTenancy : settings.tenancy()))
                    .load();
        }
        return seedReset;
    }

    /** The command that runs, without its arguments: {@code seedreset apply}. */
    private String commandName() {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return spec.qualifiedName();
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().qualifiedName();
    }

    /** The organization with this slug; an unknown one is the engine's UNKNOWN_ORGANIZATION, as every command answers it. */
    Organization organization(String slug) {
        return seedReset().requireOrganization(slug);
    }

    /** The database the command works on (opened by {@link #seedReset()} first, its schema checked), for the platform's own queries. */
    javax.sql.DataSource dataSource() {
        seedReset().requireInitialised();
        return database.dataSource();
    }

    /** Whether commands work on the embedded database: no --url and no SEEDRESET_URL. */
    boolean embedded() {
        return url == null || url.isBlank();
    }

    Path dataDirectory() {
        String configured = environment.get("SEEDRESET_DATA_DIR");
        return configured == null || configured.isBlank() ? Database.defaultDataDirectory() : Path.of(configured);
    }

    /**
     * Where uploaded files are kept: {@code --uploads-dir} when given, else {@code SEEDRESET_UPLOADS_DIR}, else beside the
     * embedded database's data directory, as its log is ({@code ~/.seedreset/pgdata.uploads}). Databases may share it:
     * each keeps its files in a folder of its own ({@link UploadStore}).
     */
    UploadStore uploadStore(Path option) {
        String configured = environment.get("SEEDRESET_UPLOADS_DIR");
        Path directory = option != null ? option
                : configured != null && !configured.isBlank() ? Path.of(configured)
                : dataDirectory().resolveSibling(dataDirectory().getFileName() + ".uploads");
        return new UploadStore(directory);
    }

    private Progress progress() {
        return System.console() != null && !json ? new TerminalProgress() : Progress.NONE;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    ResultPrinter printer() {
        return new ResultPrinter(out(), commandWords());
    }

    /**
     * How printed commands reach this command's database: the --url and --user given as options
     * are repeated; values from SEEDRESET_URL and SEEDRESET_USER are not (the next command reads
     * them too).
     */
    CommandWords commandWords() {
        return CommandWords.repeating(given(url, "SEEDRESET_URL"), given(user, "SEEDRESET_USER"));
    }

    private String given(String value, String variable) {
        return value == null || value.equals(environment.get(variable)) ? null : value;
    }

    /** Prints a result as JSON, in the dialect every front end shares, when --json was given; returns whether it did. */
    boolean printedJson(Object result) {
        if (json) {
            out().println(SeedResetJson.writeIndented(result));
        }
        return json;
    }

    /**
     * Prints a result as JSON with the API tokens just issued after its own fields ({@code apiTokens},
     * empty when none were), when --json was given; returns whether it did.
     */
    boolean printedJson(Object result, List<ApiTokens.Issued> apiTokens) {
        if (json) {
            ObjectMapper mapper = SeedResetJson.newMapper();
            ObjectNode tree = mapper.valueToTree(result);
            tree.set("apiTokens", mapper.valueToTree(apiTokens));
            out().println(SeedResetJson.writeIndented(tree));
        }
        return json;
    }

    /**
     * Revokes the API tokens of these personas of the organization and issues one new token each
     * ({@link ApiTokens}): after an apply or a reset, and for 'seedreset tokens issue'.
     */
    List<ApiTokens.Issued> issueApiTokens(String organization, List<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        try {
            return apiTokens().reissue(organization, emails);
        } catch (SQLException e) {
            throw new SeedResetException(SeedResetException.Reason.DATABASE_ERROR, "issuing API tokens for '" + organization
                    + "' failed: " + e.getMessage(), Map.of(SeedResetException.ORGANIZATION, organization,
                    SeedResetException.SQL_STATE, String.valueOf(e.getSQLState())), e);
        }
    }

    /** API tokens on the database this command works on. */
    ApiTokens apiTokens() {
        return new ApiTokens(dataSource(), Clock.systemUTC());
    }

    /** Closes the database (stopping an embedded server this command started); once, whichever thread asks first. */
    @Override
    public synchronized void close() {
        if (database != null) {
            Database closing = database;
            database = null;
            seedReset = null;
            closing.close();
        }
    }
}
