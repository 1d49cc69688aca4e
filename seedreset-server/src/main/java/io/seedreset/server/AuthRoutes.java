package io.seedreset.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.identity.Person;
import io.seedreset.platform.identity.SignIn;
import io.seedreset.platform.identity.SignInRefused;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sign-in and the bearer token every other {@code /api/v1} route needs. The organization a request
 * acts in comes from its token, never from the request; a demo, qa or sandbox organization's
 * responses carry {@code X-Demo-Tenant: true}.
 */
public final class AuthRoutes implements Consumer<Javalin> {

    /** The request attribute holding the signed-in {@link Person}. */
    public static final String PERSON = "seedreset.person";
    /** Set, to the refusal's message, on a request that must be refused as unauthenticated once the rate limiter has counted it. */
    private static final String UNAUTHENTICATED = "seedreset.unauthenticated";
    static final String LOGIN = "/api/v1/auth/login";

    private final SignIn signIn;

    public AuthRoutes(SignIn signIn) {
        this.signIn = signIn;
    }

    /** The sign-in's body. */
    record Credentials(String organization, String email, String password) {
    }

    /** What a sign-in answers: the session token, when it ends, and who signed in. */
    record SignedIn(String token, java.time.Instant expiresAt, User user) {
    }

    /** A person as the API shows them. */
    record User(String organization, String email, String name, String role) {
        static User of(Person person) {
            return new User(person.organization(), person.email(), person.name(), person.role());
        }
    }

    @Override
    public void accept(Javalin app) {
        // Who calls is known before the rate limiter runs (a beforeMatched handler), so that it counts per
        // person; a request without a valid token is refused after it, so that bad tokens are limited too.
        app.before("/api/v1/*", this::authenticate);
        app.beforeMatched("/api/v1/*", ctx -> {
            String refused = ctx.attribute(UNAUTHENTICATED);
            if (refused != null) {
                throw new ApiException(401, "unauthenticated", refused, Map.of("WWW-Authenticate", "Bearer"));
            }
        });
        app.post(LOGIN, ctx -> {
            Credentials credentials = RequestBodies.read(ctx, Credentials.class);
            try {
                SignIn.Session session = signIn.signIn(credentials.organization(), credentials.email(), credentials.password());
                tag(ctx, session.person());
                ctx.json(new SignedIn(session.token(), session.expiresAt(), User.of(session.person())));
            } catch (SignInRefused refused) {
                throw refused.why() == SignInRefused.Why.DEACTIVATED
                        ? new ApiException(403, "account_deactivated", refused.getMessage())
                        : new ApiException(401, "wrong_credentials", refused.getMessage());
            }
        });
        app.get("/api/v1/auth/me", ctx -> ctx.json(User.of(person(ctx))));
    }

    @OpenApi(
            path = LOGIN,
            methods = HttpMethod.POST,
            operationId = "signIn",
            tags = "auth",
            summary = "Sign in as a person of an organization",
            description = "The personas of the bundled packs sign in with the demo password their pack publishes (docs/DEMO_DATA.md)."
                    + " The session token answers for 8 hours; send it as 'Authorization: Bearer <token>' on every other route.",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Credentials.class)),
            responses = {
                    @OpenApiResponse(status = "200", description = "Signed in", content = @OpenApiContent(from = SignedIn.class)),
                    @OpenApiResponse(status = "401", description = "Wrong email or password (one message for both)",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = "The account is deactivated", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void signInDescription() {
        // The handler is registered in accept; this method only carries the description.
    }

    @OpenApi(
            path = "/api/v1/auth/me",
            methods = HttpMethod.GET,
            operationId = "me",
            tags = "auth",
            summary = "Who the bearer token stands for",
            responses = {
                    @OpenApiResponse(status = "200", description = "The signed-in person", content = @OpenApiContent(from = User.class)),
                    @OpenApiResponse(status = "401", description = "No token, or one unknown, expired or revoked",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void meDescription() {
        // The handler is registered in accept; this method only carries the description.
    }

    /** The signed-in person of a request that passed authentication. */
    public static Person person(Context ctx) {
        return ctx.attribute(PERSON);
    }

    private void authenticate(Context ctx) throws SQLException {
        if (ctx.path().equals(LOGIN)) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Person person = token == null ? null : signIn.authenticate(token).orElse(null);
        if (person == null) {
            ctx.attribute(UNAUTHENTICATED, token == null
                    ? "sign in first: send 'Authorization: Bearer <token>' (POST " + LOGIN + " gives one)"
                    : "the token is unknown, expired or revoked: sign in again");
            return;
        }
        ctx.attribute(PERSON, person);
        ctx.attribute(RequestAttributes.RATE_LIMIT_KEY, "person:" + person.table() + ":" + person.id());
        tag(ctx, person);
    }

    /** Tells the response (X-Demo-Tenant) and the access log who acts in which organization. */
    private static void tag(Context ctx, Person person) {
        ctx.attribute(RequestAttributes.ORGANIZATION, person.organization());
        ctx.attribute(RequestAttributes.DEMO, person.demo());
        ctx.attribute(RequestAttributes.PERSONA, person.email());
        if (person.demo()) {
            ctx.header("X-Demo-Tenant", "true");
        }
    }
}
