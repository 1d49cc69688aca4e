package io.seedreset.cli;

import io.seedreset.api.SeedResetException;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pack jars {@value #VARIABLE} names (a pack of one's own, from 'seedreset new-pack'), loaded beside the packs
 * the CLI bundles. A class loader over them becomes the thread's context class loader while the command runs: that
 * is where ServiceLoader finds packs and where Flyway and the schema check find migrations ({@code db/modules/...}),
 * so the pack's table is created by init and its pack is listed, planned and applied like a bundled one. Threads the
 * command starts (serve's) inherit it.
 */
final class PackJars implements AutoCloseable {

    static final String VARIABLE = "SEEDRESET_PACKS";

    private final URLClassLoader loader;
    private final ClassLoader previous;

    private PackJars(URLClassLoader loader) {
        this.previous = Thread.currentThread().getContextClassLoader();
        this.loader = loader;
        Thread.currentThread().setContextClassLoader(loader);
    }

    /**
     * Loads the jars (or class directories) of a {@code :}-separated list ({@code ;} on Windows); null when the
     * list is empty. One that does not exist is a usage error, before anything is loaded.
     */
    static PackJars load(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, VARIABLE + " names " + path
                        + ", which does not exist: give a pack's jar (mvn verify builds target/<id>.jar)",
                        Map.of(SeedResetException.VALUE, path.toString()));
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SeedResetException(SeedResetException.Reason.INVALID_VALUE, VARIABLE + " names " + path + ", which is not a file's name",
                        Map.of(SeedResetException.VALUE, path.toString()), e);
            }
        }
        return urls.isEmpty() ? null
                : new PackJars(new URLClassLoader("seedreset-packs", urls.toArray(URL[]::new), Thread.currentThread().getContextClassLoader()));
    }

    /** Puts the thread's class loader back (in-process runs, such as tests, start the next command clean). */
    @Override
    public void close() {
        Thread.currentThread().setContextClassLoader(previous);
        try {
            loader.close();
        } catch (IOException ignored) {
            // Closing only releases the open jar files; nothing is lost when one stays open until the process ends.
        }
    }
}
