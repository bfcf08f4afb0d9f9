package io.shukei.unit;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import io.shukei.export.Negotiation;
import io.shukei.security.Access;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole tree under a unit as one CSV or xlsx file: exported, and imported to make the tree what it says. */
@Path("/api/v1/units/{id}")
@Tag(name = "Units")
public class UnitTreeResource {

    static final String CSV_EXAMPLE = """
            code,name,parent_code,kind,headcount
            tokyo,東京本社,,SITE,
            tokyo-sales,東京営業部,tokyo,DEPARTMENT,12
            osaka,大阪支店,,SITE,8
            """;
    private static final String RESULT_EXAMPLE = """
            {"dryRun":true,"rows":3,"created":1,"moved":0,"updated":1,"archived":1,"unarchived":0,"unchanged":1,
             "changes":[{"row":3,"unitId":null,"code":"tokyo-sales","type":"CREATE","fields":[]},
                        {"row":4,"unitId":53,"code":"osaka","type":"UPDATE","fields":["headcount"]},
                        {"row":null,"unitId":54,"code":"nagoya","type":"ARCHIVE","fields":["archived"]}],
             "errorCount":0,"errors":[]}""";

    private final UnitTreeService service;
    private final BuildTurns builds;
    private final Access access;

    UnitTreeResource(UnitTreeService service, BuildTurns builds, Access access) {
        this.service = service;
        this.builds = builds;
        this.access = access;
    }

    @GET
    @Path("tree")
    @Produces({Downloads.CSV, Downloads.XLSX})
    @Operation(operationId = "exportUnitTree", summary = "The tree under a unit as a CSV or xlsx file",
            description = "One row per active unit under the unit (the unit itself not included), parents before their "
                    + "children: code, name, parent_code (empty right under the unit), kind, headcount. CSV is UTF-8 "
                    + "with a byte-order mark, as Excel reads it. The same file imported back changes nothing. Picked "
                    + "by Accept or by format (for browsers and links; a client program calls exportUnitTreeCsv or "
                    + "exportUnitTreeXlsx, which answer one media type each).")
    @APIResponse(responseCode = "200", description = "The file, named in Content-Disposition",
            content = {@Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                    @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "xlsx", value = "(binary workbook)"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response export(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id,
                           @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"csv", "xlsx"}))
                           @QueryParam("format") String format,
                           @Context HttpHeaders headers, @Context Request request) {
        UnitFileFormat chosen = Negotiation.choose(UnitFileFormat.class, format, headers.getAcceptableMediaTypes());
        return file(chosen, id, request);
    }

    @GET
    @Path("tree.csv")
    @Produces(Downloads.CSV)
    @Operation(operationId = "exportUnitTreeCsv", summary = "The tree under a unit as a CSV file",
            description = "The file of exportUnitTree as CSV (UTF-8 with BOM). The same file as exportUnitTree with "
                    + "Accept: text/csv, and the one importUnitTree takes.")
    @APIResponse(responseCode = "200", description = "The CSV file, named in Content-Disposition", content = @Content(
            mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response csv(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id,
                        @Context Request request) {
        return file(UnitFileFormat.CSV, id, request);
    }

    @GET
    @Path("tree.xlsx")
    @Produces(Downloads.XLSX)
    @Operation(operationId = "exportUnitTreeXlsx", summary = "The tree under a unit as an Excel workbook",
            description = "The file of exportUnitTree as an xlsx workbook of one sheet. The same file as exportUnitTree "
                    + "with Accept: " + Downloads.XLSX + ", and one importUnitTree takes.")
    @APIResponse(responseCode = "200", description = "The workbook, named in Content-Disposition", content = @Content(
            mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "xlsx", value = "(binary workbook)")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response xlsx(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id,
                         @Context Request request) {
        return file(UnitFileFormat.XLSX, id, request);
    }

    /** The tree written as a file in the caller's build turn (BuildTurns); only the finished file is kept after it. */
    private Response file(UnitFileFormat chosen, long id, Request request) {
        UnitTreeService.Scope scope = service.exported(id);
        String name = "units-" + scope.code() + "." + chosen.extension();
        Response.ResponseBuilder response = Response.ok().type(chosen.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", Downloads.attachment(name, name));
        UnitTreeService.FileWriter writer = chosen == UnitFileFormat.CSV ? UnitFile::writeCsv : UnitFile::writeXlsx;
        return builds.run(access.caller().identity(), () -> FileBody.spool(out -> service.export(scope, writer, out)))
                .into(response, "HEAD".equals(request.getMethod())).build();
    }

    @PUT
    @Path("tree")
    @Consumes({Downloads.CSV, Downloads.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importUnitTree", summary = "Make the tree under a unit what a CSV or xlsx file says",
            description = "The file lists the whole tree under the unit, one row per unit, in the export's columns: "
                    + "code (unique in the tree: units are matched by it), name, parent_code (empty right under the "
                    + "unit), kind (empty: the unit's own, or the default under its parent for a new unit), headcount "
                    + "(empty: none). In one transaction, units are created, renamed, moved, given another kind or "
                    + "headcount, and the active units the file does not list are archived (archived units it lists are "
                    + "made active again); open rounds follow as they do for each change one at a time. A file with "
                    + "any error changes nothing: 400 with every error by row and column. With dryRun=true nothing "
                    + "changes and the answer lists every change the file would make, or every error. Importing the "
                    + "same file again changes nothing. CSV in UTF-8, with or without a byte-order mark; xlsx: the "
                    + "first sheet. At most 110,000 rows and SHUKEI_HTTP_MAX_UPLOAD_SIZE bytes; 413 when the rows and the units already under the unit are more than 200,000 together (import one subtree at a time).")
    @RequestBody(content = {@Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 33_554_432),
            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = 33_554_432))})
    @APIResponse(responseCode = "200", description = "What changed, or in a dry run what would change, and the errors",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitImportResponse.class),
                    examples = @ExampleObject(name = "dry run", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public UnitImportResponse importTree(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id,
                                         @Parameter(description = "true: change nothing, list what would change")
                                         @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        boolean xlsx = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(Downloads.XLSX);
        service.requireImportable(id); // before the file is read: a unit out of scope is refused at once
        return builds.run(access.caller().identity(), () -> {
            List<UnitFile.Line> lines = xlsx ? UnitFile.readXlsx(body) : UnitFile.readCsv(body);
            return service.importTree(id, lines, dryRun);
        });
    }
}
