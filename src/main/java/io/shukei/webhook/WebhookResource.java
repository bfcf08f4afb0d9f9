package io.shukei.webhook;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.http.QueryParams;
import io.shukei.http.ShowsSecretOnce;
import io.shukei.problem.Problem;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed notifications of new sheets and round changes, sent to other systems")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String WEBHOOK_EXAMPLE = """
            {"id":3,"url":"https://hooks.example.com/shukei","events":["submission.created","round.completed"],"unitId":1,
             "description":"Sync to the intranet dashboard","paused":false,
             "createdAt":"2026-04-01T09:00:00Z","updatedAt":"2026-04-01T09:00:00Z","revision":1}""";
    private static final String DELIVERY_EXAMPLE = """
            {"id":42,"eventId":"evt_5f0c6d0e8b7a4c4f9a1f2b3c4d5e6f70","eventType":"submission.created","status":"PENDING",
             "attempts":2,"lastStatusCode":500,"lastError":null,"responseExcerpt":"upstream unavailable",
             "lastAttemptAt":"2026-04-01T09:00:10Z","nextAttemptAt":"2026-04-01T09:00:30Z","createdAt":"2026-04-01T09:00:00Z"}""";

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to the events of a unit's subtree",
            description = "The answer carries the signing secret, shown this once. The URL must be https on a public address "
                    + "unless the operator allows private targets.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "webhook",
            value = "{\"url\":\"https://hooks.example.com/shukei\",\"events\":[\"submission.created\",\"round.completed\"],\"unitId\":1}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class), examples = @ExampleObject(name = "created",
                    value = "{\"id\":3,\"url\":\"https://hooks.example.com/shukei\",\"events\":[\"submission.created\",\"round.completed\"],"
                            + "\"unitId\":1,\"description\":null,\"paused\":false,\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\","
                            + "\"createdAt\":\"2026-04-01T09:00:00Z\",\"updatedAt\":\"2026-04-01T09:00:00Z\",\"revision\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "A repeat with the Idempotency-Key of a request that succeeded: the "
            + "secret was shown once, so the repeat gets a problem (`/problems/secret-shown-once`) whose `location` and "
            + "Location header name what was created; or a repeat while the first is still running, or a state "
            + "that forbids the change",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ShowsSecretOnce
    public Response create(@Valid @NotNull WebhookRequests.Create body) {
        WebhookResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Subscriptions, oldest first",
            description = "unitId lists the subscriptions on that unit's subtree.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions (without secrets)",
            content = @Content(schema = @Schema(implementation = WebhookPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + WEBHOOK_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<WebhookResponse> list(@Parameter(description = "Unit whose subtree the subscriptions are on", example = "1")
                                      @QueryParam("unitId") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
                                      @Valid @BeanParam PageParams paging) {
        return service.list(unitId, paging);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription (without its secret)")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class), examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookResponse get(@PathParam("id") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWebhook", summary = "Pause or resume a subscription, change its events, URL or description",
            description = "Absent fields are left alone. While paused, events are kept and sent on resume.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookRequests.Patch.class), examples = {
            @ExampleObject(name = "pause", value = "{\"paused\":true}"),
            @ExampleObject(name = "events", value = "{\"events\":[\"submission.created\",\"submission.updated\"]}")}))
    @APIResponse(responseCode = "200", description = "The updated subscription",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class), examples = @ExampleObject(name = "webhook", value = WEBHOOK_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookResponse patch(@PathParam("id") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull WebhookRequests.Patch body) {
        return service.patch(id, body);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription and its pending deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("id") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long id) {
        service.delete(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Deliveries of a subscription, newest first",
            description = "Each with its attempts, the receiver's latest status code and the next retry.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + DELIVERY_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<DeliveryResponse> deliveries(@PathParam("id") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long id,
                                             @Parameter(description = "Only deliveries in this state", schema = @Schema(implementation = DeliveryStatus.class))
                                             @QueryParam("status") String status,
                                             @Valid @BeanParam PageParams paging) {
        return service.deliveries(id, QueryParams.parse(DeliveryStatus.class, status, "status"), paging);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery", summary = "Send a delivery again now",
            description = "Makes the delivery due at once, also one that failed for good or was delivered; the event id stays the same.")
    @APIResponse(responseCode = "202", description = "Queued; the worker sends it within a poll interval",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class), examples = @ExampleObject(name = "delivery", value = DELIVERY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response retry(@PathParam("id") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long id, @PathParam("deliveryId") @Parameter(example = "42") @Min(1) @Max(Long.MAX_VALUE) long deliveryId) {
        return Response.accepted(service.retry(id, deliveryId)).build();
    }

    @Schema(name = "WebhookPage")
    static final class WebhookPage {
        public java.util.List<WebhookResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }

    @Schema(name = "WebhookDeliveryPage")
    static final class DeliveryPage {
        public java.util.List<DeliveryResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
