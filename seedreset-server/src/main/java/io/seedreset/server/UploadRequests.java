package io.seedreset.server;

import io.javalin.http.Context;
import io.seedreset.platform.uploads.Attachment;
import io.seedreset.platform.uploads.UploadRefused;
import io.seedreset.platform.uploads.Uploads;
import io.seedreset.platform.workflow.WorkflowRefused;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.UUID;

/**
 * What the upload routes of every module do with their request (an event's images, a bill's receipts): the file is
 * the request's raw body, its type the {@code Content-Type}, its name {@code ?filename=}; the list is a page of what is
 * known of the row's files; a download answers the bytes with the stored type, as an attachment, never sniffed.
 *
 * <p>A raw body rather than {@code multipart/form-data}: one file per request, streamed to disk and hashed on the way
 * without a multipart parser's buffering, and {@code curl --data-binary @receipt.pdf -H 'Content-Type: application/pdf'}
 * sends it. The server's JSON body limit (64 KiB) does not apply: an upload is counted against {@link Uploads#MAX_BYTES}.
 */
public final class UploadRequests {

    /** The descriptions of the statuses every upload route answers. */
    public static final String TOO_LARGE = "upload_too_large: the body is over " + Uploads.MAX_BYTES + " bytes (5 MiB)";
    public static final String UNSUPPORTED = "unsupported_media_type: a Content-Type the row does not take, or bytes that are not of that type";
    public static final String INVALID = "invalid_request: an empty body, or a filename that is not 1 to 255 characters without control"
            + " characters, / or \\";
    public static final String FILENAME = "The file's name, kept for the download (default: image, or receipt)";

    private final Uploads uploads;

    public UploadRequests(Uploads uploads) {
        this.uploads = uploads;
    }

    /** Stores the body as a file attached to the row the path's {@code id} names; 201 with what is known of it. */
    public void upload(Context ctx, Attachment attachment) throws SQLException, IOException {
        UUID rowId = PathIds.uuid(ctx, "id", attachment.what());
        answering(() -> {
            Uploads.Upload stored = uploads.store(AuthRoutes.person(ctx), attachment, rowId, ctx.contentType(), ctx.queryParam("filename"),
                    ctx.req().getContentLengthLong(), ctx.req().getInputStream());
            ctx.status(201).json(stored);
        });
    }

    /** A page of the row's uploads, oldest first. */
    public void list(Context ctx, Attachment attachment) throws SQLException, IOException {
        UUID rowId = PathIds.uuid(ctx, "id", attachment.what());
        answering(() -> Reads.page(ctx, (person, page) -> uploads.list(person, attachment, rowId, page.offset(), page.limit())));
    }

    /** The bytes of one upload of the row, with its type, as an attachment named as uploaded. */
    public void download(Context ctx, Attachment attachment) throws SQLException, IOException {
        UUID rowId = PathIds.uuid(ctx, "id", attachment.what());
        UUID uploadId = PathIds.uuid(ctx, "uploadId", "upload");
        answering(() -> {
            Uploads.Download download = uploads.open(AuthRoutes.person(ctx), attachment, rowId, uploadId);
            ctx.contentType(download.upload().contentType());
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Disposition", contentDisposition(download.upload().filename()));
            ctx.header("Content-Length", String.valueOf(download.upload().sizeBytes()));
            ctx.result(Files.newInputStream(download.file()));
        });
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException, IOException;
    }

    /** Runs the work with the platform's refusals answered as the API's errors. */
    private static void answering(Work work) throws SQLException, IOException {
        try {
            work.run();
        } catch (WorkflowRefused refused) {
            throw ApiException.of(refused);
        } catch (UploadRefused refused) {
            throw switch (refused.why()) {
                case TOO_LARGE -> new ApiException(413, "upload_too_large", refused.getMessage());
                case UNSUPPORTED_TYPE -> new ApiException(415, "unsupported_media_type", refused.getMessage());
            };
        }
    }

    /** An attachment named as uploaded: plain ASCII for every client, and the name as it is for those that read RFC 6266's form. */
    private static String contentDisposition(String filename) {
        String ascii = filename.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
