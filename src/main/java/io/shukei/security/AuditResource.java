package io.shukei.security;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.shukei.http.Page;
import io.shukei.http.PageParams;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit-events")
@Tag(name = "Security", description = "API keys and the audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Who changed what, newest first, for a unit's subtree")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(implementation = AuditPage.class), examples = @ExampleObject(name = "page",
                    value = "{\"items\":[{\"id\":81,\"occurredAt\":\"2026-05-10T01:23:45Z\",\"actorType\":\"API_KEY\",\"actorId\":\"12\","
                            + "\"actorName\":\"営業部長 山田\",\"remoteAddress\":\"203.0.113.7\",\"action\":\"submission.updated\","
                            + "\"resourceType\":\"submission\",\"resourceId\":\"7/4\",\"unitId\":4,\"revisionBefore\":1,\"revisionAfter\":2}],"
                            + "\"page\":0,\"size\":50,\"totalItems\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<AuditEventResponse> list(@Parameter(description = "Subtree to list; defaults to your scope", example = "1")
                                         @QueryParam("unitId") @Min(1) @Max(Long.MAX_VALUE) Long unitId,
                                         @Parameter(description = "Only events at or after this instant (ISO-8601 with offset)",
                                                 schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 64),
                                                 example = "2026-04-01T00:00:00+09:00")
                                         @QueryParam("since") OffsetDateTime since,
                                         @Valid @BeanParam PageParams paging) {
        return audit.list(unitId, since, paging);
    }

    @Schema(name = "AuditPage")
    static final class AuditPage {
        public java.util.List<AuditEventResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
