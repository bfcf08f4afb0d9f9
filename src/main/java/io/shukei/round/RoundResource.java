package io.shukei.round;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.http.QueryParams;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds")
@Tag(name = "Rounds", description = "Diagnosis rounds: who takes part, open or closed, who is missing")
@Produces(MediaType.APPLICATION_JSON)
public class RoundResource {

    private static final String ROUND_EXAMPLE = """
            {"id":7,"title":"2026年度 情報セキュリティ自社診断","scopeUnitId":1,"policy":"CONSOLIDATED","status":"OPEN",
             "dueDate":"2026-06-30","catalogId":"ipa-5min-self-diagnosis","catalogVersion":"tmg-handbook-2024",
             "createdAt":"2026-04-01T09:00:00Z","updatedAt":"2026-04-01T09:00:00Z","closedAt":null,"revision":1,
             "autoEnrol":true,
             "progress":{"expected":3,"submitted":1,"missing":[{"unitId":4,"code":"osaka-ops","name":"大阪業務部"}],
                         "notParticipating":[{"unitId":58,"code":"new-team","name":"新設課",
                                              "path":"株式会社アクメ / 東京本社 / 新設課"}],
                         "participantsWithChildren":[]}}""";

    private final RoundService service;

    RoundResource(RoundService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRound", summary = "Open a diagnosis round over a unit's subtree",
            description = "Participants default to every active leaf unit under the scope, stored with the round; "
                    + "copyFromRoundId starts the round with an earlier round's participants instead, and answers with "
                    + "the active units of the scope that the earlier round did not have (copiedFrom). With autoEnrol "
                    + "(the default) units that appear in the scope while the round is open join it. The round keeps "
                    + "its own picture of the organisation (names, codes, places in the tree, headcounts): it follows "
                    + "the units while the round is open and is frozen from the close.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "round",
                    value = "{\"title\":\"2026年度 情報セキュリティ自社診断\",\"scopeUnitId\":1,\"dueDate\":\"2026-06-30\"}"),
            @ExampleObject(name = "nextYear", description = "Same participants and policy as round 3",
                    value = "{\"title\":\"2027年度 情報セキュリティ自社診断\",\"scopeUnitId\":1,\"copyFromRoundId\":3}")}))
    @APIResponse(responseCode = "201", description = "Created; Location names the round",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response create(@Valid @NotNull RoundRequests.Create body) {
        RoundResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/rounds/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRound", summary = "A round with its progress and the units still missing")
    @APIResponse(responseCode = "200", description = "The round",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoundResponse get(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.get(id);
    }

    @GET
    @Operation(operationId = "listRounds", summary = "Rounds, newest first",
            description = "scopeUnitId lists rounds whose scope lies in that unit's subtree; participantId the rounds a unit takes part in.")
    @APIResponse(responseCode = "200", description = "One page of rounds (progress without the missing list)",
            content = @Content(schema = @Schema(implementation = RoundPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0,\"totalPages\":0}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<RoundResponse> list(@Parameter(description = "Unit whose subtree the rounds cover", example = "1")
                                    @QueryParam("scopeUnitId") @Min(1) @Max(Long.MAX_VALUE) Long scopeUnitId,
                                    @Parameter(description = "Unit taking part", example = "3") @QueryParam("participantId") @Min(1) @Max(Long.MAX_VALUE) Long participantId,
                                    @Parameter(schema = @Schema(implementation = RoundStatus.class)) @QueryParam("status") String status,
                                    @Valid @BeanParam PageParams paging) {
        return service.list(scopeUnitId, participantId, QueryParams.parse(RoundStatus.class, status, "status"), paging);
    }

    @POST
    @Path("{id}/close")
    @Operation(operationId = "closeRound", summary = "Close a round: sheets can no longer change",
            description = "From the close the round's report in every form, its trend entries and its sheets list stay "
                    + "as they are, whatever happens to the units afterwards. Closing a closed round changes nothing "
                    + "and answers 200.")
    @APIResponse(responseCode = "200", description = "The closed round",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoundResponse close(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.setStatus(id, RoundStatus.CLOSED);
    }

    @POST
    @Path("{id}/reopen")
    @Operation(operationId = "reopenRound", summary = "Reopen a closed round so that sheets can be corrected",
            description = "Brings the round's picture of the organisation up to date with the units as they are now "
                    + "(names, codes, places in the tree, headcounts): the one way to change what a closed round shows. "
                    + "Recorded in the audit trail (round.reopened, and round.resynced when the picture changed).")
    @APIResponse(responseCode = "200", description = "The open round",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RoundResponse reopen(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.setStatus(id, RoundStatus.OPEN);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateRound", summary = "Change an open round's title, due date or autoEnrol",
            description = "Absent or null fields are left alone. A closed round is not changed (409): reopen it first.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoundRequests.Patch.class),
            examples = @ExampleObject(name = "autoEnrol", value = "{\"autoEnrol\":true,\"dueDate\":\"2026-07-31\"}")))
    @APIResponse(responseCode = "200", description = "The round",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RoundResponse patch(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull RoundRequests.Patch body) {
        return service.patch(id, body);
    }

    @POST
    @Path("{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addRoundParticipants", summary = "Add units to the participants of an open round",
            description = "Units that already take part are left as they are. For example the units listed in "
                    + "progress.notParticipating. Integrators subscribed to round.participants-changed are told.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "participants", value = "{\"unitIds\":[58]}")))
    @APIResponse(responseCode = "200", description = "The round with its new progress",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RoundResponse addParticipants(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull RoundRequests.Participants body) {
        return service.addParticipants(id, body.unitIds());
    }

    @DELETE
    @Path("{id}/participants/{unitId}")
    @Operation(operationId = "removeRoundParticipant", summary = "Take a unit out of the participants of an open round",
            description = "A sheet the unit gave is kept but no longer counted. The last participant cannot be removed.")
    @APIResponse(responseCode = "200", description = "The round with its new progress",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public RoundResponse removeParticipant(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id, @PathParam("unitId") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long unitId) {
        return service.removeParticipant(id, unitId);
    }

    @PUT
    @Path("{id}/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceRoundParticipants", summary = "Replace the participants of an open round",
            description = "Sheets already given by a removed unit are kept but no longer counted.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "participants", value = "{\"unitIds\":[3,4,5]}")))
    @APIResponse(responseCode = "200", description = "The round with its new progress",
            content = @Content(schema = @Schema(implementation = RoundResponse.class), examples = @ExampleObject(name = "round", value = ROUND_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RoundResponse replaceParticipants(@PathParam("id") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull RoundRequests.Participants body) {
        return service.replaceParticipants(id, body.unitIds());
    }

    @Schema(name = "RoundPage")
    static final class RoundPage {
        public java.util.List<RoundResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
