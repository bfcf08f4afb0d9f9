package io.shukei.submission;

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

import io.shukei.export.BuildTurns;
import io.shukei.export.LiveDownloads;
import io.shukei.export.Downloads;
import io.shukei.export.Negotiation;
import io.shukei.export.TableFormat;
import io.shukei.http.PageParams;
import io.shukei.security.Access;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds/{roundId}")
@Tag(name = "Submissions", description = "Each unit's answer sheet and its history")
public class RoundSubmissionsResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"roundId":7,"unitId":3,"unitCode":"tokyo-sales","unitName":"東京営業部","revision":2,
              "respondent":"営業部長 山田太郎","catalogVersion":"tmg-handbook-2024","score":95,
              "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                      "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}},
              "parts":[{"part":1,"score":20,"max":20},{"part":2,"score":52,"max":52},{"part":3,"score":23,"max":28}],
              "answers":[{"question":25,"answer":"UNKNOWN","points":-1,"comment":"規程の有無を総務に確認中"}],
              "unknownQuestions":[25],"submittedAt":"2026-05-10T01:23:45Z","revisedAt":"2026-05-12T08:00:00Z"}],
             "page":0,"size":50,"totalItems":1,"totalPages":1}""";
    private static final String CSV_EXAMPLE = """
            round_id,unit_id,unit_code,unit_name,respondent,revision,catalog_version,score,band,submitted_at,revised_at,q1,…,q25,comment1,…,comment25
            7,3,tokyo-sales,東京営業部,営業部長 山田太郎,2,tmg-handbook-2024,95,PARTLY_INSUFFICIENT,2026-05-10T01:23:45Z,2026-05-12T08:00:00Z,IMPLEMENTED,…,UNKNOWN,,…,規程の有無を総務に確認中
            """;

    private final SubmissionService service;
    private final BuildTurns builds;
    private final LiveDownloads downloads;
    private final Access access;

    RoundSubmissionsResource(SubmissionService service, BuildTurns builds, LiveDownloads downloads, Access access) {
        this.downloads = downloads;
        this.access = access;
        this.service = service;
        this.builds = builds;
    }

    @GET
    @Path("submissions")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV})
    @Operation(operationId = "listRoundSubmissions", summary = "Every current sheet of a round, for other systems",
            description = "JSON is paged; CSV (UTF-8 with BOM, one row per unit) holds the whole round. Both list the "
                    + "current revision of every sheet stored in the round, in tree order, with comments. A client "
                    + "program downloads the CSV with listRoundSubmissionsCsv, which answers that one media type.")
    @APIResponse(responseCode = "200", description = "The current sheets",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResource.SheetPage.class),
                            examples = @ExampleObject(name = "page", value = PAGE_EXAMPLE)),
                    @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response list(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                         @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"json", "csv"}))
                         @QueryParam("format") String format,
                         @Valid @BeanParam PageParams paging,
                         @Context HttpHeaders headers, @Context Request request) {
        TableFormat chosen = Negotiation.choose(TableFormat.class, format, headers.getAcceptableMediaTypes());
        if (chosen == TableFormat.JSON) {
            return Response.ok(service.list(roundId, paging), chosen.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return csv(roundId, request);
    }

    @GET
    @Path("submissions.csv")
    @Produces(Downloads.CSV)
    @Operation(operationId = "listRoundSubmissionsCsv", summary = "Every current sheet of a round as one CSV file",
            description = "The CSV of listRoundSubmissions (UTF-8 with BOM, one row per unit, the whole round in tree "
                    + "order, with comments). The same file as listRoundSubmissions with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The CSV file, named in Content-Disposition", content = @Content(
            mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response csv(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                        @Context Request request) {
        // Every sheet of the round: built in a turn (BuildTurns) and sent as it is written, like a report's files.
        Response.ResponseBuilder response = Response.ok().type(TableFormat.CSV.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", Downloads.attachment("submissions-round-" + roundId + ".csv",
                        "submissions-round-" + roundId + ".csv"));
        String caller = access.caller().identity();
        LiveDownloads.Live<Void> csv = downloads.start((started, out) -> builds.write(caller, () ->
                SubmissionCsv.write(sheets -> service.each(roundId, () -> started.accept(null), sheets)).writeTo(out)));
        return csv.body().into(response, "HEAD".equals(request.getMethod())).build();
    }
}
