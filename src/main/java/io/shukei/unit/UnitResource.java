package io.shukei.unit;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.http.ETags;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.ProblemException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units")
@Tag(name = "Units", description = "Organisations, sites and departments as a tree")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String UNIT_EXAMPLE = """
            {"id":51,"code":"tokyo-sales","name":"東京営業部","kind":"DEPARTMENT","parentId":1,"organisationId":1,"headcount":12,
             "archived":false,"archivedAt":null,"revision":1,
             "createdAt":"2026-04-01T09:00:00Z","updatedAt":"2026-04-01T09:00:00Z"}""";

    private final UnitService service;
    private final ObjectMapper mapper;
    private final Validator validator;

    UnitResource(UnitService service, ObjectMapper mapper, Validator validator) {
        this.service = service;
        this.mapper = mapper;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUnit", summary = "Create an organisation, site or department")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "organisation", value = "{\"code\":\"acme\",\"name\":\"株式会社アクメ\"}"),
            @ExampleObject(name = "association", value = "{\"code\":\"tokai-isa\",\"name\":\"東海情報セキュリティ協会\",\"kind\":\"GROUP\"}"),
            @ExampleObject(name = "site", value = "{\"code\":\"tokyo\",\"name\":\"東京本社\",\"parentId\":1,\"kind\":\"SITE\"}"),
            @ExampleObject(name = "department", value = "{\"code\":\"tokyo-sales\",\"name\":\"東京営業部\",\"parentId\":1,\"headcount\":12}")}))
    @APIResponse(responseCode = "201", description = "Created; Location names the new unit",
            content = @Content(schema = @Schema(implementation = UnitResponse.class), examples = @ExampleObject(name = "created", value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull UnitRequests.Create body) {
        UnitResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/units/" + created.id()))
                .tag(etag(created)).entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUnit", summary = "One unit")
    @APIResponse(responseCode = "200", description = "The unit; ETag is its revision",
            content = @Content(schema = @Schema(implementation = UnitResponse.class), examples = @ExampleObject(name = "unit", value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id) {
        UnitResponse unit = service.get(id);
        return Response.ok(unit).tag(etag(unit)).build();
    }

    @GET
    @Operation(operationId = "listUnits", summary = "Child units of a unit, or the organisations when parentId is omitted")
    @APIResponse(responseCode = "200", description = "One page of units",
            content = @Content(schema = @Schema(implementation = UnitPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[" + UNIT_EXAMPLE + "],\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<UnitResponse> list(@Parameter(description = "Parent unit; omit for the organisations", example = "1") @QueryParam("parentId")
                                   @Min(1) @Max(Long.MAX_VALUE) Long parentId,
                                   @Parameter(description = "Include archived units") @QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived,
                                   @Valid @BeanParam PageParams paging) {
        return service.list(parentId, includeArchived, paging);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateUnit", summary = "Rename, re-code, move within the organisation, set headcount or kind, archive",
            description = "A JSON merge patch: absent fields are left alone; `headcount: null` clears it. "
                    + "Send If-Match with the unit's ETag to refuse the change if someone else changed the unit first. "
                    + "Open rounds that hold the unit follow the change; closed rounds keep the organisation as it was "
                    + "when they were closed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = UnitRequests.Patch.class), examples = {
            @ExampleObject(name = "rename", value = "{\"name\":\"東京本社営業部\",\"headcount\":15}"),
            @ExampleObject(name = "archive", value = "{\"archived\":true}")}))
    @APIResponse(responseCode = "200", description = "The updated unit",
            content = @Content(schema = @Schema(implementation = UnitResponse.class), examples = @ExampleObject(name = "unit", value = UNIT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response patch(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The revision the change is based on", example = "\"3\"")
                          @Size(max = 100) String ifMatch,
                          @NotNull JsonNode body) throws JsonProcessingException {
        if (!body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        UnitRequests.Patch patch = mapper.treeToValue(body, UnitRequests.Patch.class);
        var violations = validator.validate(patch);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Set<String> present = new HashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        UnitResponse updated = service.patch(id, patch, present, ifMatch);
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUnit", summary = "Delete a unit that never took part in a round",
            description = "A unit with children, rounds or submissions is never deleted: archive it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") @Parameter(example = "51") @Min(1) @Max(Long.MAX_VALUE) long id) {
        service.delete(id);
    }

    private static jakarta.ws.rs.core.EntityTag etag(UnitResponse unit) {
        return jakarta.ws.rs.core.EntityTag.valueOf(ETags.of(unit.revision()));
    }

    @Schema(name = "UnitPage")
    static final class UnitPage {
        public java.util.List<UnitResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
