package io.shukei.security;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.http.ShowsSecretOnce;
import io.shukei.problem.Problem;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/api-keys")
@Tag(name = "Security", description = "API keys and the audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private static final String KEY_EXAMPLE = """
            {"id":12,"name":"営業部長 山田","role":"RESPONDENT","unitId":4,"prefix":"shk_3f9a0c51b2e4",
             "secret":"shk_3f9a0c51b2e4_Zk1vW2x0b3R0bHlSYW5kb21TZWNyZXQx","createdBy":"API_KEY:1",
             "createdAt":"2026-04-01T09:00:00Z","expiresAt":"2027-03-31T00:00:00Z"}""";

    private final ApiKeyService service;

    ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Mint a key for a role on a unit's subtree",
            description = "The secret is in this response only; the service keeps just its hash. A key can never reach "
                    + "beyond the scope of the admin who mints it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "department head",
            value = "{\"name\":\"営業部長 山田\",\"role\":\"RESPONDENT\",\"unitId\":4,\"expiresAt\":\"2027-03-31T00:00:00Z\"}")))
    @APIResponse(responseCode = "201", description = "Created; `secret` is shown this once",
            content = @Content(schema = @Schema(implementation = ApiKeyResponse.class), examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "A repeat with the Idempotency-Key of a request that succeeded: the "
            + "secret was shown once, so the repeat gets a problem (`/problems/secret-shown-once`) whose `location` and "
            + "Location header name what was created; or a repeat while the first is still running, or a state "
            + "that forbids the change",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @ShowsSecretOnce
    public Response create(@Valid @NotNull ApiKeyRequests.Create body) {
        ApiKeyResponse created = service.create(body);
        return Response.created(URI.create("/api/v1/api-keys/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listApiKeys", summary = "Keys in your scope, without their secrets")
    @APIResponse(responseCode = "200", description = "One page of keys",
            content = @Content(schema = @Schema(implementation = ApiKeyPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[{\"id\":12,\"name\":\"営業部長 山田\",\"role\":\"RESPONDENT\",\"unitId\":4,"
                            + "\"prefix\":\"shk_3f9a0c51b2e4\",\"createdBy\":\"API_KEY:1\",\"createdAt\":\"2026-04-01T09:00:00Z\"}],"
                            + "\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ApiKeyResponse> list(@Valid @BeanParam PageParams paging) {
        return service.list(paging);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key at once")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@PathParam("id") @Parameter(example = "12") @Min(1) @Max(Long.MAX_VALUE) long id) {
        service.revoke(id);
    }

    @Schema(name = "ApiKeyPage")
    static final class ApiKeyPage {
        public java.util.List<ApiKeyResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
