package io.seedreset.server.accounting;

import static io.seedreset.server.accounting.AccountingModule.FORBIDDEN;
import static io.seedreset.server.accounting.AccountingModule.LIMIT;
import static io.seedreset.server.accounting.AccountingModule.NOT_FOUND;
import static io.seedreset.server.accounting.AccountingModule.OFFSET;
import static io.seedreset.server.accounting.AccountingModule.TAG;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.seedreset.platform.uploads.Attachment;
import io.seedreset.platform.uploads.Uploads.Upload;
import io.seedreset.server.ApiDescription;
import io.seedreset.server.ErrorBody;
import io.seedreset.server.Page;
import io.seedreset.server.UploadRequests;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/** A bill's receipts (the supplier's invoice, a scan): uploaded, listed and downloaded by the owner and accountants. */
final class AccountingReceiptRoutes {

    private static final String RECEIPTS = "/api/v1/accounting/bills/{id}/receipts";
    private static final String RECEIPT = RECEIPTS + "/{uploadId}";

    /** A page of a bill's receipts, as {@link Page} writes it. */
    record ReceiptPage(List<Upload> items, Page.Paging paging) {
    }

    private final UploadRequests uploads;

    AccountingReceiptRoutes(UploadRequests uploads) {
        this.uploads = uploads;
    }

    void routes(Javalin app) {
        app.post(RECEIPTS, this::upload);
        app.get(RECEIPTS, this::receipts);
        app.get(RECEIPT, this::receipt);
    }

    @OpenApi(path = RECEIPTS, methods = HttpMethod.POST, operationId = "uploadBillReceipt", tags = TAG,
            summary = "Upload a receipt of a bill: the raw body, its type in Content-Type",
            description = "PDF, JPEG, PNG or WebP, at most 5 MiB, the bytes of the type they claim.",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The bill's id"),
            queryParams = @OpenApiParam(name = "filename", description = UploadRequests.FILENAME),
            requestBody = @OpenApiRequestBody(required = true, content = {
                    @OpenApiContent(mimeType = "application/pdf", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/png", type = "string", format = "binary"),
                    @OpenApiContent(mimeType = "image/webp", type = "string", format = "binary")}),
            responses = {
                    @OpenApiResponse(status = "201", content = @OpenApiContent(from = Upload.class)),
                    @OpenApiResponse(status = "400", description = UploadRequests.INVALID, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "413", description = UploadRequests.TOO_LARGE, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "415", description = UploadRequests.UNSUPPORTED, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void upload(Context ctx) throws SQLException, IOException {
        uploads.upload(ctx, Attachment.BILL_RECEIPT);
    }

    @OpenApi(path = RECEIPTS, methods = HttpMethod.GET, operationId = "billReceipts", tags = TAG,
            summary = "A bill's receipts, oldest first",
            pathParams = @OpenApiParam(name = "id", required = true, description = "The bill's id"),
            queryParams = {
                    @OpenApiParam(name = "offset", type = Integer.class, description = OFFSET),
                    @OpenApiParam(name = "limit", type = Integer.class, description = LIMIT)
            },
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ReceiptPage.class)),
                    @OpenApiResponse(status = "400", description = "bad_parameter: offset or limit is out of range",
                            content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void receipts(Context ctx) throws SQLException, IOException {
        uploads.list(ctx, Attachment.BILL_RECEIPT);
    }

    @OpenApi(path = RECEIPT, methods = HttpMethod.GET, operationId = "billReceipt", tags = TAG,
            summary = "Download one of a bill's receipts: its bytes, with the type it was uploaded as",
            pathParams = {
                    @OpenApiParam(name = "id", required = true, description = "The bill's id"),
                    @OpenApiParam(name = "uploadId", required = true, description = "The receipt's id")
            },
            responses = {
                    @OpenApiResponse(status = "200", content = {
                            @OpenApiContent(mimeType = "application/pdf", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/jpeg", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/png", type = "string", format = "binary"),
                            @OpenApiContent(mimeType = "image/webp", type = "string", format = "binary")}),
                    @OpenApiResponse(status = "403", description = FORBIDDEN, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "404", description = NOT_FOUND, content = @OpenApiContent(from = ErrorBody.class)),
                    @OpenApiResponse(status = "default", description = ApiDescription.ERROR, content = @OpenApiContent(from = ErrorBody.class))
            })
    void receipt(Context ctx) throws SQLException, IOException {
        uploads.download(ctx, Attachment.BILL_RECEIPT);
    }
}
