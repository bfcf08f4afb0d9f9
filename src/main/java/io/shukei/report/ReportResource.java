package io.shukei.report;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
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
import io.shukei.export.Downloads;
import io.shukei.export.FileBody;
import io.shukei.export.LiveDownloads;
import io.shukei.export.Negotiation;
import io.shukei.http.QueryParams;
import io.shukei.people.Audience;
import io.shukei.people.Audiences;
import io.shukei.problem.ProblemException;
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
@Tag(name = "Reports", description = "The organisation-wide tally")
public class ReportResource {

    static final String EXAMPLE = """
            {"roundId":7,"roundTitle":"2026年度 情報セキュリティ自社診断","roundStatus":"OPEN","unitId":1,"unitCode":"acme",
             "unitName":"株式会社アクメ","policy":"CONSOLIDATED","score":47.00,"belowEveryUnit":true,
             "band":{"code":"CRITICAL","situation":{"ja":"事故がいつ起きても不思議ではない","en":"An incident could happen at any time"},
                     "nextStep":{"ja":"早急に改善","en":"Improve urgently"}},
             "policies":{"CONSOLIDATED":{"score":47.00,"band":{"code":"CRITICAL","situation":{"ja":"事故がいつ起きても不思議ではない","en":"An incident could happen at any time"},"nextStep":{"ja":"早急に改善","en":"Improve urgently"}}},
                         "WEAKEST":{"score":47.00,"band":{"code":"CRITICAL","situation":{"ja":"事故がいつ起きても不思議ではない","en":"An incident could happen at any time"},"nextStep":{"ja":"早急に改善","en":"Improve urgently"}}},
                         "MEAN":{"score":81.67,"band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},"nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}}},
                         "HEADCOUNT_MEAN":{"score":null,"band":null,"reason":"units without a headcount: [3]","unitsWithoutHeadcount":[3]}},
             "coverage":{"expected":4,"submitted":3,"missing":[{"unitId":6,"code":"osaka-ops","name":"大阪業務部","path":"大阪支社 / 大阪業務部"}]},
             "parts":[{"part":1,"title":{"ja":"基本的対策","en":"Basic measures"},"score":10.00,"max":20}],
             "questions":[{"number":25,"part":3,"text":{"ja":"情報セキュリティ対策(上記1~24等)をルール化し、従業員に明示していますか?",
                           "en":"Have you made information security measures (such as items 1 to 24 above) into rules and made them clear to employees?"},
                           "answer":"UNKNOWN","points":-1.00,"distribution":{"IMPLEMENTED":1,"PARTIAL":1,"NOT_IMPLEMENTED":0,"UNKNOWN":1},
                           "unknownUnits":[{"unitId":3,"code":"tokyo-sales","name":"東京営業部"}]}],
             "units":[{"unitId":3,"code":"tokyo-sales","name":"東京営業部","path":"東京本社 / 東京営業部","headcount":null,"score":95,
                       "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},"nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}},"revision":1,
                       "respondent":"営業部長 山田太郎","submittedAt":"2026-05-10T01:23:45Z","revisedAt":"2026-05-10T01:23:45Z"}],
             "children":[{"unitId":2,"code":"tokyo","name":"東京本社","score":47.00,"band":null,
                          "coverage":{"expected":2,"submitted":2,"missing":[]},"unknownAnswers":1}],
             "unknowns":[{"question":25,"unitId":3,"code":"tokyo-sales","name":"東京営業部","path":"東京本社 / 東京営業部"}],
             "unknownAnswers":1,
             "lowestQuestions":[],"toImprove":[],"toFindOut":[{"question":25,"units":1}],"previousRound":null,
             "actionItems":[],"previousActionItems":[],"approvals":[],"catalogId":"ipa-5min-self-diagnosis","catalogVersion":"tmg-handbook-2024",
             "generatedAt":"2026-05-11T00:00:00Z"}""";

    static final String CSV_EXAMPLE = """
            組織,株式会社アクメ,
            診断,2026年度 情報セキュリティ自社診断,OPEN
            点数,47.00,
            ...

            部署コード,部署名,回答者,版,設問,パート,回答コード,回答,点数,コメント
            tokyo-sales,"営業部, \"\"東京\"\"",営業部長 山田太郎,1,25,3,UNKNOWN,わからない,-1,規程の有無を総務に確認中
            """;

    static final String HTML_EXAMPLE = "<!DOCTYPE html><html lang=\"ja\">…</html>";

    private final ReportService service;
    private final ReportHtml html;
    private final ReportCache json;
    private final BuildTurns builds;
    private final LiveDownloads downloads;
    private final Audiences audiences;
    private final Access access;

    ReportResource(ReportService service, ReportHtml html, ReportCache json, BuildTurns builds, LiveDownloads downloads,
                   Audiences audiences, Access access) {
        this.service = service;
        this.access = access;
        this.html = html;
        this.json = json;
        this.builds = builds;
        this.downloads = downloads;
        this.audiences = audiences;
    }

    @GET
    @Path("report")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV, Downloads.XLSX, MediaType.TEXT_HTML})
    @Operation(operationId = "getReport", summary = "The tallied score of a round at any node of its tree",
            description = "Tallies the current sheets of the participants under the node, per question then summed "
                    + "(IPA: 事業所、部署ごとに記入し、責任者・担当者が集計します). Units that have not submitted are listed "
                    + "as missing and never counted as zeros. The same report is offered as JSON, as CSV (UTF-8 with BOM: "
                    + "summary lines, an empty line, then one row per unit and question), as an xlsx workbook (summary, "
                    + "questions × units matrix, answers) and as one self-contained printable HTML page; pick it by Accept "
                    + "or by format (for browsers and links; a client program calls getReportCsv, getReportXlsx or "
                    + "getReportHtml, which answer one media type each). CSV, xlsx and HTML are in Japanese unless lang "
                    + "or Accept-Language asks for English. "
                    + "JSON is sent gzip-compressed (Content-Encoding: gzip, about a tenth of the size) when "
                    + "Accept-Encoding allows it, under its own ETag. The JSON report's size does not grow with the "
                    + "number of units: it counts them, and lists the first ones of each kind (missing, わからない); the "
                    + "units themselves come with include=units, a page at a time (limit, cursor from unitsNext). The "
                    + "file forms carry every unit and answer, written as they are read.")
    @APIResponse(responseCode = "200", description = "The report; score is null while no sheet has been submitted",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportResponse.class),
                            examples = @ExampleObject(name = "report", value = EXAMPLE)),
                    @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                    @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "xlsx", description = "Sheets 概要, 設問×部署 and 回答一覧 (Summary, Matrix, Answers in English)",
                                    value = "(binary workbook)")),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "html", value = HTML_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "JSON only: If-None-Match names the current ETag, which "
            + "changes with any sheet, the round or a unit of its organisation, and is the same on every instance")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response get(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                        @Valid @BeanParam ReportQuery query,
                        @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"json", "csv", "xlsx", "html"}))
                        @QueryParam("format") String format,
                        @Parameter(description = "JSON only: units adds one page of the units that have submitted, "
                                + "in tree order, and the address of the next page (unitsNext)",
                                schema = @Schema(enumeration = {"units"})) @QueryParam("include") String include,
                        @Parameter(description = "With include=units: the page after the one that gave this cursor "
                                + "(unitsNext carries it)")
                        @QueryParam("cursor") @Size(max = ReportCursor.MAX_LENGTH) @Pattern(regexp = ReportCursor.PATTERN) String cursor,
                        @Parameter(description = "With include=units: units per page")
                        @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                        @Context HttpHeaders headers, @Context Request request) {
        ReportFormat chosen = Negotiation.choose(ReportFormat.class, format, headers.getAcceptableMediaTypes());
        boolean units = include != null && !include.isBlank();
        if (units && !"units".equals(include.strip())) {
            throw ProblemException.invalid("include", "must be units");
        }
        if (units && chosen == ReportFormat.JSON) {
            return json.page(roundId, query.unitId, query.policy, cursor, limit,
                    headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), "HEAD".equals(request.getMethod()));
        }
        if (chosen == ReportFormat.JSON) {
            // ETag from the round's version in the database, 304 on If-None-Match, cached body (ReportCache).
            return json.json(roundId, query.unitId, query.policy, headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                    headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING), "HEAD".equals(request.getMethod()));
        }
        return file(chosen, roundId, query, request);
    }

    @GET
    @Path("report.csv")
    @Produces(Downloads.CSV)
    @Operation(operationId = "getReportCsv", summary = "The report as a CSV file",
            description = "The report of getReport as CSV (UTF-8 with BOM, RFC 4180): summary lines, an empty line, then "
                    + "one row per unit and question. The same file as getReport with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The CSV file, named in Content-Disposition", content = @Content(
            mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response csv(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                        @Valid @BeanParam ReportQuery query, @Context Request request) {
        return file(ReportFormat.CSV, roundId, query, request);
    }

    @GET
    @Path("report.xlsx")
    @Produces(Downloads.XLSX)
    @Operation(operationId = "getReportXlsx", summary = "The report as an Excel workbook",
            description = "The report of getReport as an xlsx workbook: sheets 概要, 設問×部署 and 回答一覧 (Summary, Matrix, "
                    + "Answers in English). The same file as getReport with Accept: " + Downloads.XLSX + ".")
    @APIResponse(responseCode = "200", description = "The workbook, named in Content-Disposition", content = @Content(
            mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "xlsx", value = "(binary workbook)")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response xlsx(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                         @Valid @BeanParam ReportQuery query, @Context Request request) {
        return file(ReportFormat.XLSX, roundId, query, request);
    }

    @GET
    @Path("report.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getReportHtml", summary = "The report as one printable HTML page",
            description = "The report of getReport as one self-contained printable HTML page (no script, no external "
                    + "request). The same page as getReport with Accept: text/html.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "html", value = HTML_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response html(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                         @Valid @BeanParam ReportQuery query, @Context Request request) {
        return file(ReportFormat.HTML, roundId, query, request);
    }

    /**
     * A report written as a file in a turn of its own like the JSON (BuildTurns), sent as it is written
     * (LiveDownloads): the response starts once the report is tallied and names the file.
     */
    private Response file(ReportFormat chosen, long roundId, ReportQuery query, Request request) {
        Audience audience = audiences.of(QueryParams.language(query.lang, query.acceptLanguage));
        String caller = access.caller().identity();
        LiveDownloads.Live<String> export = downloads.start((named, out) -> builds.run(caller, () ->
                service.document(roundId, query.unitId, query.policy, document -> {
                    named.accept(fileName(document));
                    FileBody.Writer writer = switch (chosen) {
                        case CSV -> ReportCsv.write(document, audience);
                        case XLSX -> ReportXlsx.write(document, audience);
                        case HTML -> html.write(document, audience);
                        case JSON -> throw new IllegalStateException("JSON is not a file");
                    };
                    try {
                        writer.writeTo(out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                })));
        Response.ResponseBuilder response = Response.ok().type(chosen.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, audience.tag());
        if (chosen != ReportFormat.HTML) {
            response.header("Content-Disposition", Downloads.attachment(export.head() + "." + chosen.extension(),
                    "shukei-report-" + roundId + "." + chosen.extension()));
        }
        return export.body().into(response, "HEAD".equals(request.getMethod())).build();
    }

    /**
     * Names the organisation and the round, and the node when it is not the organisation itself; for a caller
     * who may not see the organisation, the node and the round.
     */
    private static String fileName(ReportDocument document) {
        ReportResponse r = document.report();
        if (document.organisationName() == null) {
            return r.unitName() + "_" + r.roundTitle();
        }
        String name = document.organisationName() + "_" + r.roundTitle();
        return r.unitName().equals(document.organisationName()) ? name : name + "_" + r.unitName();
    }
}
