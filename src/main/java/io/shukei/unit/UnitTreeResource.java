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
@Path("/api/v1/units/{id}/tree")
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

    UnitTreeResource(UnitTreeService service, BuildTurns builds) {
        this.service = service;
        this.builds = builds;
    }

    @GET
    @Produces({Downloads.CSV, Downloads.XLSX})
    @Operation(operationId = "exportUnitTree", summary = "The tree under a unit as a CSV or xlsx file",
            description = "One row per active unit under the unit (the unit itself not included), parents before their "
                    + "children: code, name, parent_code (empty right under the unit), kind, headcount. CSV is UTF-8 "
                    + "with a byte-order mark, as Excel reads it. The same file imported back changes nothing.")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                    @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Response export(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id,
                           @Parameter(description = "csv or xlsx; overrides Accept",
                                   schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
                           @Context HttpHeaders headers, @Context Request request) {
        UnitFileFormat chosen = Negotiation.choose(UnitFileFormat.class, format, headers.getAcceptableMediaTypes());
        UnitTreeService.Scope scope = service.exported(id);
        String name = "units-" + scope.code() + "." + chosen.extension();
        Response.ResponseBuilder response = Response.ok().type(chosen.mediaType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", Downloads.attachment(name, name));
        UnitTreeService.FileWriter writer = chosen == UnitFileFormat.CSV ? UnitFile::writeCsv : UnitFile::writeXlsx;
        return builds.run(() -> FileBody.spool(out -> service.export(scope, writer, out)))
                .into(response, "HEAD".equals(request.getMethod())).build();
    }

    @PUT
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
                    + "first sheet. At most 100,000 rows and SHUKEI_HTTP_MAX_UPLOAD_SIZE bytes.")
    @RequestBody(content = {@Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 33_554_432),
            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
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
        return builds.run(() -> {
            List<UnitFile.Line> lines = xlsx ? UnitFile.readXlsx(body) : UnitFile.readCsv(body);
            return service.importTree(id, lines, dryRun);
        });
    }
}
