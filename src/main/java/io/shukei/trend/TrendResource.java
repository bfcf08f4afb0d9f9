package io.shukei.trend;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.shukei.tally.Policy;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units/{id}/trend")
@Tag(name = "Reports", description = "The organisation-wide tally")
@Produces(MediaType.APPLICATION_JSON)
public class TrendResource {

    private static final String EXAMPLE = """
            {"unitId":1,"unitCode":"acme","unitName":"株式会社アクメ","policy":"CONSOLIDATED","rounds":[
              {"roundId":3,"title":"2025年度 情報セキュリティ自社診断","status":"CLOSED","createdAt":"2025-04-01T09:00:00Z",
               "closedAt":"2025-07-01T09:00:00Z","score":50.00,
               "band":{"code":"INSUFFICIENT","situation":{"ja":"対策が不十分","en":"Measures are insufficient"},
                       "nextStep":{"ja":"低い項目から改善","en":"Improve the lowest-scoring items first"}},
               "change":null,"expected":3,"submitted":3,
               "questions":[{"number":1,"answer":"PARTIAL","points":2.00,"change":null}],
               "children":[{"unitId":2,"code":"tokyo","name":"東京本社","score":50.00,"change":null}]},
              {"roundId":7,"title":"2026年度 情報セキュリティ自社診断","status":"OPEN","createdAt":"2026-04-01T09:00:00Z",
               "closedAt":null,"score":95.00,
               "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                       "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}},
               "change":45.00,"expected":3,"submitted":2,
               "questions":[{"number":1,"answer":"UNKNOWN","points":-1.00,"change":-3.00}],
               "children":[{"unitId":2,"code":"tokyo","name":"東京本社","score":95.00,"change":45.00}]}]}""";

    private final TrendService service;

    TrendResource(TrendService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getUnitTrend", summary = "A unit's score in every round it took part in, oldest first",
            description = "Lists every closed round and the open ones in which units of this subtree take part, each "
                    + "tallied at this node under one policy, with the change against the previous round for the score, "
                    + "each question and each direct child unit.")
    @APIResponse(responseCode = "200", description = "The trend; rounds is empty when the unit never took part",
            content = @Content(schema = @Schema(implementation = TrendResponse.class), examples = @ExampleObject(name = "trend", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public TrendResponse get(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id,
                             @Parameter(description = "Defaults to the latest round's", schema = @Schema(implementation = Policy.class))
                             @QueryParam("policy") String policy) {
        return service.trend(id, policy);
    }
}
