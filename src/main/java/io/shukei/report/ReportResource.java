package io.shukei.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds/{roundId}/report")
@Tag(name = "Reports", description = "The organisation-wide tally")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String EXAMPLE = """
            {"roundId":7,"roundTitle":"2026年度 情報セキュリティ自社診断","roundStatus":"OPEN","unitId":1,"unitCode":"acme",
             "unitName":"株式会社アクメ","policy":"CONSOLIDATED","score":47.00,
             "band":{"code":"CRITICAL","situation":{"ja":"事故がいつ起きても不思議ではない","en":"An incident could happen at any time"},
                     "nextStep":{"ja":"早急に改善","en":"Improve urgently"}},
             "policies":{"CONSOLIDATED":{"score":47.00},"WEAKEST":{"score":47.00},"MEAN":{"score":81.67},
                         "HEADCOUNT_MEAN":{"score":null,"reason":"units without a headcount: [3]","unitsWithoutHeadcount":[3]}},
             "coverage":{"expected":4,"submitted":3,"missing":[{"unitId":6,"code":"osaka-ops","name":"大阪業務部"}]},
             "parts":[{"part":1,"title":{"ja":"基本的対策","en":"Basic measures"},"score":10.00,"max":20}],
             "questions":[{"number":25,"part":3,"text":{"ja":"情報セキュリティ対策(上記1~24等)をルール化し、従業員に明示していますか?",
                           "en":"Have you made information security measures (such as items 1 to 24 above) into rules and made them clear to employees?"},
                           "answer":"UNKNOWN","points":-1.00,"distribution":{"IMPLEMENTED":1,"PARTIAL":1,"NOT_IMPLEMENTED":0,"UNKNOWN":1},
                           "unknownUnits":[{"unitId":3,"code":"tokyo-sales","name":"東京営業部"}]}],
             "units":[{"unitId":3,"code":"tokyo-sales","name":"東京営業部","headcount":null,"score":95,"band":null,"revision":1,
                       "submittedAt":"2026-05-10T01:23:45Z","revisedAt":"2026-05-10T01:23:45Z"}],
             "children":[{"unitId":2,"code":"tokyo","name":"東京本社","score":47.00,"band":null,
                          "coverage":{"expected":2,"submitted":2,"missing":[]}}],
             "unknowns":[{"question":25,"unitId":3,"code":"tokyo-sales","name":"東京営業部"}],
             "lowestQuestions":[],"catalogId":"ipa-5min-self-diagnosis","catalogVersion":"tmg-handbook-2024",
             "generatedAt":"2026-05-11T00:00:00Z"}""";

    private final ReportService service;

    ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getReport", summary = "The tallied score of a round at any node of its tree",
            description = "Tallies the current sheets of the participants under the node, per question then summed "
                    + "(IPA: 事業所、部署ごとに記入し、責任者・担当者が集計します). Units that have not submitted are listed "
                    + "as missing and never counted as zeros.")
    @APIResponse(responseCode = "200", description = "The report; score is null while no sheet has been submitted",
            content = @Content(schema = @Schema(implementation = ReportResponse.class), examples = @ExampleObject(name = "report", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public ReportResponse get(@PathParam("roundId") long roundId,
                              @Parameter(description = "Node to tally; defaults to the round's scope") @QueryParam("unitId") Long unitId,
                              @Parameter(description = "CONSOLIDATED, WEAKEST, MEAN or HEADCOUNT_MEAN; defaults to the round's")
                              @QueryParam("policy") String policy) {
        return service.report(roundId, unitId, policy);
    }
}
