/**
 * Feedback (module {@code operations}): what people say through the API, stored first, then forwarded
 * to a webhook with retries, so that nothing is lost while the webhook is down.
 */
package io.seedreset.platform.feedback;
