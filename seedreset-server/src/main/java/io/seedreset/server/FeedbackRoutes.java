package io.seedreset.server;

import io.javalin.Javalin;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.feedback.FeedbackBox;
import io.seedreset.platform.identity.Person;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/feedback}: what a signed-in person has to say, stored for their organization
 * ({@link FeedbackBox}) and forwarded to the webhook {@code seedreset serve --feedback-webhook} names,
 * by the deliverer, not by the request: the answer never waits for the webhook, and a webhook that is
 * down loses nothing.
 */
final class FeedbackRoutes implements Consumer<Javalin> {

    static final String PATH = "/api/v1/feedback";

    private final FeedbackBox box;
    private final Clock clock;

    FeedbackRoutes(FeedbackBox box, Clock clock) {
        this.box = box;
        this.clock = clock;
    }

    /** The feedback's body. */
    record Feedback(String message, String page) {
    }

    /** What was stored: its id. */
    record Received(UUID id) {
    }

    @Override
    public void accept(Javalin app) {
        app.post(PATH, ctx -> {
            Person person = AuthRoutes.person(ctx);
            Feedback feedback = RequestBodies.read(ctx, Feedback.class);
            if (feedback.message() == null || feedback.message().isBlank()) {
                throw invalid("the message is empty: say something in \"message\"");
            }
            if (feedback.message().length() > FeedbackBox.MAX_MESSAGE) {
                throw invalid("the message has " + feedback.message().length() + " characters: at most " + FeedbackBox.MAX_MESSAGE);
            }
            if (feedback.page() != null && feedback.page().length() > FeedbackBox.MAX_PAGE) {
                throw invalid("the page has " + feedback.page().length() + " characters: at most " + FeedbackBox.MAX_PAGE);
            }
            UUID id = box.store(person.organizationId(), person.email(), feedback.message(), feedback.page(), clock.instant());
            ctx.status(201).json(new Received(id));
        });
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_value", message);
    }

    @OpenApi(
            path = PATH,
            methods = HttpMethod.POST,
            operationId = "sendFeedback",
            tags = "feedback",
            summary = "Tell the people running the demo something",
            description = "Stored for the signed-in person's organization first, then forwarded to the team's webhook when the server has one;"
                    + " the answer never waits for it. The message: 1 to " + FeedbackBox.MAX_MESSAGE + " characters; the page (where you were,"
                    + " optional): at most " + FeedbackBox.MAX_PAGE + ".",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = Feedback.class)),
            responses = {
                    @OpenApiResponse(status = "201", description = "Stored", content = @OpenApiContent(from = Received.class)),
                    @OpenApiResponse(status = "400", description = "invalid_value: an empty message, or one or a page over the limit;"
                            + " malformed_request: not the JSON described", content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "401", description = "No token, or one unknown, expired or revoked",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    static void sendDescription() {
        // The handler is registered in accept; this method only carries the description.
    }
}
