package io.seedreset.server;

import io.javalin.http.Context;

/** Which bucket of the per-key rate limit a request draws from: one caller's. */
@FunctionalInterface
public interface RateLimitKey {

    /** The client's address (as {@link Context#ip()} sees it): the key of every anonymous caller. */
    RateLimitKey CLIENT_ADDRESS = ctx -> "address:" + ctx.ip();

    /**
     * The caller an earlier handler named in {@link RequestAttributes#RATE_LIMIT_KEY} (an API token,
     * once they exist), else the client's address.
     */
    RateLimitKey CALLER_OR_ADDRESS = ctx -> {
        Object caller = ctx.attribute(RequestAttributes.RATE_LIMIT_KEY);
        return caller == null ? CLIENT_ADDRESS.of(ctx) : "caller:" + caller;
    };

    /** The key of this request; requests with equal keys share a bucket. */
    String of(Context ctx);
}
