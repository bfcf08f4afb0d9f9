package io.shukei.action;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.export.Negotiation;
import io.shukei.export.TableFormat;
import io.shukei.http.PageParams;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units/{id}/member-companies")
@Tag(name = "SecurityAction")
public class MemberCompaniesResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"unitId":12,"code":"beta","name":"株式会社ベータ","declarableLevel":"TWO_STARS",
              "declarableLevelLabel":{"ja":"二つ星","en":"Two stars"},
              "latestRound":{"roundId":7,"title":"2026年度 会員診断","closedAt":"2026-06-30T08:00:00Z","score":82.00,
                             "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                                     "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}}},
              "policyVersion":1,"policyEnactedOn":"2026-04-01","published":true,"publishedOn":"2026-04-02",
              "publicationUrl":"https://www.example.co.jp/security-policy"}],
             "page":0,"size":50,"totalItems":1,"totalPages":1}""";
    private static final String CSV_EXAMPLE = """
            unit_id,code,name,declarable_level,latest_round_id,latest_round_title,latest_round_closed_at,score,band,policy_version,policy_enacted_on,published,published_on,publication_url
            12,beta,株式会社ベータ,TWO_STARS,7,2026年度 会員診断,2026-06-30T08:00:00Z,82.00,PARTLY_INSUFFICIENT,1,2026-04-01,true,2026-04-02,https://www.example.co.jp/security-policy
            """;

    private final SecurityActionService service;

    MemberCompaniesResource(SecurityActionService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV})
    @Operation(operationId = "listMemberCompanies", summary = "The member companies of a group or association, each with its SECURITY ACTION standing",
            description = "Every active company under the group, in tree order: the level it can declare, its latest "
                    + "closed round over the whole company (scoped to it or to a group above it) with the score tallied "
                    + "at the company, its basic policy in force and whether it recorded the policy's publication. "
                    + "JSON is paged; CSV (UTF-8 with BOM) holds every member company.")
    @APIResponse(responseCode = "200", description = "The member companies",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberCompanyPage.class),
                            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)),
                    @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response list(@PathParam("id") @Parameter(example = "10") @Min(1) @Max(Long.MAX_VALUE) long id,
                         @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"json", "csv"}))
                         @QueryParam("format") String format,
                         @Valid @BeanParam PageParams paging,
                         @Context HttpHeaders headers, @Context Request request) {
        TableFormat chosen = Negotiation.choose(TableFormat.class, format, headers.getAcceptableMediaTypes());
        if (chosen == TableFormat.JSON) {
            return Response.ok(service.memberCompanies(id, paging), chosen.mediaType())
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return csv(service.allMemberCompanies(id)).into(Response.ok().type(chosen.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", Downloads.attachment("member-companies-" + id + ".csv",
                        "member-companies-" + id + ".csv")), "HEAD".equals(request.getMethod())).build();
    }

    private static FileBody csv(List<MemberCompanyResponse> companies) {
        return Downloads.csv(printer -> {
            printer.printRecord("unit_id", "code", "name", "declarable_level", "latest_round_id", "latest_round_title",
                    "latest_round_closed_at", "score", "band", "policy_version", "policy_enacted_on", "published",
                    "published_on", "publication_url");
            for (MemberCompanyResponse c : companies) {
                MemberCompanyResponse.LatestRound r = c.latestRound();
                List<Object> row = new ArrayList<>(List.of(c.unitId(), Downloads.text(c.code()), Downloads.text(c.name()),
                        c.declarableLevel()));
                row.addAll(java.util.Arrays.asList(r == null ? null : r.roundId(), r == null ? null : Downloads.text(r.title()),
                        r == null ? null : r.closedAt(), r == null ? null : r.score(),
                        r == null || r.band() == null ? null : r.band().code(), c.policyVersion(), c.policyEnactedOn(),
                        c.published(), c.publishedOn(), Downloads.text(c.publicationUrl())));
                printer.printRecord(row);
            }
        });
    }

    @Schema(name = "MemberCompanyPage")
    static final class MemberCompanyPage {
        public List<MemberCompanyResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
