package io.shukei.report;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.Page;
import io.shukei.http.PageParams;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds/{roundId}/report/approvals")
@Tag(name = "Reports", description = "The organisation-wide tally")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private static final String APPROVAL_EXAMPLE = """
            {"id":4,"roundId":7,"unitId":1,"name":"山田太郎","title":"代表取締役社長",
             "comment":"結果を確認した。対策計画のとおり進めること。","score":71.00,
             "reportVersion":"9f2c4e1a0b7d3c5e8f6a1b2c3d4e5f60","current":true,"approvedAt":"2026-07-01T01:00:00Z"}""";

    private final ApprovalService service;

    ApprovalResource(ApprovalService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "approveReport", summary = "Sign off a closed round's report at a node",
            description = "Records who approved the report (name, title, comment) and the version of the figures they "
                    + "saw. The report shows the approval (the HTML page as a signature block); if the figures change "
                    + "afterwards (the round reopened), the approval stays on record as superseded. Only a closed round's "
                    + "report can be approved.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ApprovalRequest.class), examples = @ExampleObject(
            name = "approval", value = "{\"name\":\"山田太郎\",\"title\":\"代表取締役社長\",\"comment\":\"結果を確認した。対策計画のとおり進めること。\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the approval",
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class),
                    examples = @ExampleObject(name = "approval", value = APPROVAL_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response approve(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @Valid @NotNull ApprovalRequest body) {
        ApprovalResponse created = service.approve(roundId, body);
        return Response.created(URI.create("/api/v1/rounds/" + roundId + "/report/approvals/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Operation(operationId = "listReportApprovals", summary = "The sign-offs of a round's report at a node, oldest first",
            description = "Each says whether it is current (the figures are still those approved) or superseded.")
    @APIResponse(responseCode = "200", description = "One page of approvals",
            content = @Content(schema = @Schema(implementation = ApprovalPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + APPROVAL_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<ApprovalResponse> list(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                                       @Parameter(description = "The node; defaults as for the report") @QueryParam("unitId") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
                                       @Valid @BeanParam PageParams paging) {
        return service.list(roundId, unitId, paging);
    }

    @GET
    @Path("{approvalId}")
    @Operation(operationId = "getReportApproval", summary = "One sign-off of a round's report")
    @APIResponse(responseCode = "200", description = "The approval",
            content = @Content(schema = @Schema(implementation = ApprovalResponse.class),
                    examples = @ExampleObject(name = "approval", value = APPROVAL_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ApprovalResponse get(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("approvalId") @Parameter(example = "4") @Min(1) @Max(Long.MAX_VALUE) long approvalId) {
        return service.get(roundId, approvalId);
    }

    @Schema(name = "ReportApprovalPage")
    static final class ApprovalPage {
        public java.util.List<ApprovalResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
