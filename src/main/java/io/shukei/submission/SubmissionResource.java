package io.shukei.submission;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.shukei.http.ETags;
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
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/rounds/{roundId}/submissions/{unitId}")
@Tag(name = "Submissions", description = "Each unit's answer sheet and its history")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    private static final String SHEET_EXAMPLE = """
            {"roundId":7,"unitId":3,"unitCode":"tokyo-sales","unitName":"東京営業部","revision":1,
             "respondent":"営業部長 山田太郎","catalogVersion":"tmg-handbook-2024","score":95,
             "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                     "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}},
             "parts":[{"part":1,"score":20,"max":20},{"part":2,"score":52,"max":52},{"part":3,"score":23,"max":28}],
             "answers":[{"question":1,"answer":"IMPLEMENTED","points":4,"comment":null},
                        {"question":25,"answer":"UNKNOWN","points":-1,"comment":"規程の有無を総務に確認中"}],
             "unknownQuestions":[25],"submittedAt":"2026-05-10T01:23:45Z","revisedAt":"2026-05-10T01:23:45Z"}""";
    private static final String PUT_EXAMPLE = """
            {"respondent":"営業部長 山田太郎","answers":[
              {"question":1,"answer":"IMPLEMENTED"},{"question":2,"answer":"IMPLEMENTED"},{"question":3,"answer":"PARTIAL","comment":"一部の共有アカウントが短いパスワード"},
              {"question":4,"answer":"IMPLEMENTED"},{"question":5,"answer":"IMPLEMENTED"},{"question":6,"answer":"IMPLEMENTED"},
              {"question":7,"answer":"IMPLEMENTED"},{"question":8,"answer":"NOT_IMPLEMENTED"},{"question":9,"answer":"IMPLEMENTED"},
              {"question":10,"answer":"IMPLEMENTED"},{"question":11,"answer":"IMPLEMENTED"},{"question":12,"answer":"IMPLEMENTED"},
              {"question":13,"answer":"IMPLEMENTED"},{"question":14,"answer":"IMPLEMENTED"},{"question":15,"answer":"IMPLEMENTED"},
              {"question":16,"answer":"IMPLEMENTED"},{"question":17,"answer":"IMPLEMENTED"},{"question":18,"answer":"IMPLEMENTED"},
              {"question":19,"answer":"IMPLEMENTED"},{"question":20,"answer":"IMPLEMENTED"},{"question":21,"answer":"IMPLEMENTED"},
              {"question":22,"answer":"IMPLEMENTED"},{"question":23,"answer":"IMPLEMENTED"},{"question":24,"answer":"IMPLEMENTED"},
              {"question":25,"answer":"UNKNOWN","comment":"規程の有無を総務に確認中"}]}""";

    private final SubmissionService service;

    SubmissionResource(SubmissionService service) {
        this.service = service;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSubmission", summary = "Submit or correct a unit's whole answer sheet",
            description = "First sheet: 201. A changed sheet: 200 and a new revision. The same sheet again: 200 with the "
                    + "existing revision. Send If-Match with the ETag you read to refuse the write when someone else "
                    + "changed the sheet first; without it the last writer wins and every revision stays in the history.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "sheet", value = PUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Stored as a new revision, or unchanged",
            content = @Content(schema = @Schema(implementation = SheetResponse.class), examples = @ExampleObject(name = "sheet", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The unit's first sheet in this round",
            content = @Content(schema = @Schema(implementation = SheetResponse.class), examples = @ExampleObject(name = "sheet", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public RestResponse<SheetResponse> put(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("unitId") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long unitId,
                        @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The revision the change is based on", example = "\"3\"")
                        @Size(max = 100) String ifMatch,
                        @Valid @NotNull SubmissionRequest body) {
        SubmissionService.Outcome outcome = service.put(roundId, unitId, body, ifMatch);
        // Typed, so that the JSON writer is chosen once at build time, not looked up for every sheet.
        RestResponse.ResponseBuilder<SheetResponse> response = outcome.created()
                ? RestResponse.ResponseBuilder.created(URI.create("/api/v1/rounds/" + roundId + "/submissions/" + unitId))
                : RestResponse.ResponseBuilder.ok();
        return response.entity(outcome.sheet()).tag(etag(outcome.sheet())).build();
    }

    @GET
    @Operation(operationId = "getSubmission", summary = "A unit's current sheet with score, band and わからない questions")
    @APIResponse(responseCode = "200", description = "The current sheet; ETag is its revision",
            content = @Content(schema = @Schema(implementation = SheetResponse.class), examples = @ExampleObject(name = "sheet", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<SheetResponse> get(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("unitId") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long unitId) {
        SheetResponse sheet = service.get(roundId, unitId);
        return RestResponse.ResponseBuilder.ok(sheet).tag(etag(sheet)).build();
    }

    @GET
    @Path("revisions")
    @Operation(operationId = "listSubmissionRevisions", summary = "Every revision of a unit's sheet, oldest first")
    @APIResponse(responseCode = "200", description = "One page of revisions",
            content = @Content(schema = @Schema(implementation = SheetPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + SHEET_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<SheetResponse> revisions(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("unitId") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long unitId,
                                         @Valid @BeanParam PageParams paging) {
        return service.history(roundId, unitId, paging);
    }

    private static EntityTag etag(SheetResponse sheet) {
        return EntityTag.valueOf(ETags.of(sheet.revision()));
    }

    @Schema(name = "SheetPage")
    static final class SheetPage {
        public java.util.List<SheetResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
