package io.seedreset.server.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The console's stylesheet, script and icon, read once from this module's resources ({@code /console/...}).
 * Their URLs carry a digest of their content, so a browser may keep them for a year and still never show
 * a page with the style of another version.
 */
final class Assets {

    /** A file served under {@code /console/assets/}. */
    record Asset(String name, String contentType, byte[] content, String version) {
    }

    static final String PATH = "/console/assets/";
    private static final Map<String, Asset> ASSETS = Map.of(
            "console.css", load("console.css", "text/css; charset=utf-8"),
            "console.js", load("console.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("favicon.svg", "image/svg+xml"));

    private Assets() {
    }

    /** The URL of an asset, with its version. */
    static String url(String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no console asset named " + name);
        }
        return PATH + name + "?v=" + asset.version();
    }

    static Asset find(String name) {
        return ASSETS.get(name);
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the console's " + name + " is missing from the class path (/console/" + name + ")");
            }
            byte[] content = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return new Asset(name, contentType, content, HexFormat.of().formatHex(digest, 0, 6));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the console's " + name + " failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
