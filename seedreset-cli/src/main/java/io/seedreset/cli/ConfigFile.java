package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import io.seedreset.api.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The settings of an application's own schema ({@link Settings}), in the properties file {@code --config} or
 * {@code SEEDRESET_CONFIG} names, so that every command reads the same ones: {@code init} stores the tenancy in
 * the database (later commands read it from there), and every command checks the schema against the migrations.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static Settings read(String file) {
        if (file == null || file.isBlank()) {
            return Settings.NONE;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new SeedResetException(Reason.INVALID_CONFIGURATION, "config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new SeedResetException(Reason.INVALID_CONFIGURATION, "config file " + file + " cannot be read: " + e.getMessage());
        }
        return Settings.parse(properties, "config file " + file);
    }
}
