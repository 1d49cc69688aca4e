package io.seedreset.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP to a test's server on loopback: the one client and the few calls every server test makes. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static URI uri(SeedResetServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> get(SeedResetServer server, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(server, path)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws Exception {
        return CLIENT.send(request, body);
    }
}
