package io.seedreset.internal.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versions of the migrations this code holds, read from the names of the
 * {@code V<version>__<description>.sql} files under each {@code classpath:} location, as Flyway
 * names them. Every command compares them with the database's history; asking Flyway itself
 * would cost a second per command.
 */
final class MigrationFiles {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
    /** The class path does not change while the process runs. */
    private static final Map<List<String>, SortedSet<MigrationVersion>> VERSIONS = new ConcurrentHashMap<>();

    private MigrationFiles() {
    }

    static SortedSet<MigrationVersion> versions(List<String> locations) {
        return VERSIONS.computeIfAbsent(List.copyOf(locations), MigrationFiles::scan);
    }

    private static SortedSet<MigrationVersion> scan(List<String> locations) {
        SortedSet<MigrationVersion> versions = new TreeSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (String location : locations) {
                if (!location.startsWith("classpath:")) {
                    continue;
                }
                String folder = location.substring("classpath:".length()).replaceAll("^/|/$", "");
                Enumeration<URL> urls = loader.getResources(folder);
                while (urls.hasMoreElements()) {
                    names(urls.nextElement(), folder).forEach(name -> {
                        Matcher versioned = VERSIONED.matcher(name);
                        if (versioned.matches()) {
                            versions.add(MigrationVersion.fromVersion(versioned.group(1).replace('_', '.')));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the migrations in " + locations, e);
        }
        return versions;
    }

    /** The file names under a folder of the class path, in a directory or a jar. */
    private static List<String> names(URL url, String folder) throws IOException {
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(folder + "/") && !n.endsWith("/"))
                        .map(n -> n.substring(n.lastIndexOf('/') + 1)).toList();
            }
        }
        if (!url.getProtocol().equals("file")) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        } catch (URISyntaxException e) {
            throw new IOException(url + " is not a file location", e);
        }
    }
}
