package io.shukei.plan;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.ETags;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.http.QueryParams;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds/{roundId}/action-items")
@Tag(name = "Action plan", description = "What will be done about the report's findings, by whom and by when")
@Produces(MediaType.APPLICATION_JSON)
public class ActionItemResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String ITEM_EXAMPLE = """
            {"id":12,"roundId":7,"unitId":2,"unitCode":"tokyo","unitName":"東京本社","question":11,
             "action":"週次バックアップを外付けディスクに取り、月1回は社外に保管する","owner":"総務部 佐藤",
             "dueOn":"2027-03-31","status":"OPEN","revision":1,
             "createdAt":"2026-07-01T01:00:00Z","updatedAt":"2026-07-01T01:00:00Z"}""";

    private final PlanService service;

    ActionItemResource(PlanService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createActionItem", summary = "Add an item to a round's action plan at one of its units",
            description = "The unit is the round's scope or a unit of its tree (a site, a department). Items can be added "
                    + "while the round is open and after it closed; the round's report shows them, and the next round's "
                    + "report shows them again with their status beside the new answers.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PlanRequests.Create.class), examples = @ExampleObject(
            name = "item", value = "{\"unitId\":2,\"question\":11,\"action\":\"週次バックアップを外付けディスクに取り、月1回は社外に保管する\","
                    + "\"owner\":\"総務部 佐藤\",\"dueOn\":\"2027-03-31\"}")))
    @APIResponse(responseCode = "201", description = "Added; Location names the item, ETag is its revision",
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class),
                    examples = @ExampleObject(name = "item", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @Valid @NotNull PlanRequests.Create body) {
        ActionItemResponse created = service.create(roundId, body);
        return Response.created(URI.create("/api/v1/rounds/" + roundId + "/action-items/" + created.id()))
                .tag(etag(created)).entity(created).build();
    }

    @GET
    @Operation(operationId = "listActionItems", summary = "A round's action plan, by question",
            description = "The items under a unit (its own and its subtree's); without unitId every item the caller may see. "
                    + "Ordered by question, then the units' place in the tree, then age.")
    @APIResponse(responseCode = "200", description = "One page of items",
            content = @Content(schema = @Schema(implementation = ActionItemPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + ITEM_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ActionItemResponse> list(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                                         @Parameter(description = "The unit whose subtree's items are listed") @QueryParam("unitId") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
                                         @Parameter(description = "Only items of this status",
                                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "DONE", "DROPPED"}))
                                         @QueryParam("status") String status,
                                         @Valid @BeanParam PageParams paging) {
        return service.list(roundId, unitId, QueryParams.parse(ActionItemStatus.class, status, "status"), paging);
    }

    @GET
    @Path("{itemId}")
    @Operation(operationId = "getActionItem", summary = "One action item")
    @APIResponse(responseCode = "200", description = "The item; ETag is its revision",
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class),
                    examples = @ExampleObject(name = "item", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("itemId") @Parameter(example = "12") @Min(1) @Max(Long.MAX_VALUE) long itemId) {
        ActionItemResponse item = service.get(roundId, itemId);
        return Response.ok(item).tag(etag(item)).build();
    }

    @PATCH
    @Path("{itemId}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateActionItem", summary = "Change an action item: its status, action, owner, due date or question",
            description = "Absent fields are left alone. Send If-Match with the item's ETag to refuse the change if someone "
                    + "else changed the item first. The same values again change nothing (no new revision).")
    @RequestBody(content = @Content(schema = @Schema(implementation = PlanRequests.Patch.class), examples = {
            @ExampleObject(name = "done", value = "{\"status\":\"DONE\"}"),
            @ExampleObject(name = "later", value = "{\"dueOn\":\"2027-06-30\",\"owner\":\"総務部 鈴木\"}")}))
    @APIResponse(responseCode = "200", description = "The item; ETag is its revision",
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class),
                    examples = @ExampleObject(name = "item", value = ITEM_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response patch(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("itemId") @Parameter(example = "12") @Min(1) @Max(Long.MAX_VALUE) long itemId,
                          @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch, @Valid @NotNull PlanRequests.Patch body) {
        ActionItemResponse item = service.patch(roundId, itemId, body, ifMatch);
        return Response.ok(item).tag(etag(item)).build();
    }

    @DELETE
    @Path("{itemId}")
    @Operation(operationId = "deleteActionItem", summary = "Remove an action item from the plan",
            description = "To keep an item that will not be done in the record, set its status to DROPPED instead. "
                    + "Send If-Match with the item's ETag to refuse the removal if someone else changed it first.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public void delete(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("itemId") @Parameter(example = "12") @Min(1) @Max(Long.MAX_VALUE) long itemId,
                       @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 100) String ifMatch) {
        service.delete(roundId, itemId, ifMatch);
    }

    private static EntityTag etag(ActionItemResponse item) {
        return EntityTag.valueOf(ETags.of(item.revision()));
    }

    @Schema(name = "ActionItemPage")
    static final class ActionItemPage {
        public java.util.List<ActionItemResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
