package io.shukei.security;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent")
record AuditEventResponse(long id, OffsetDateTime occurredAt,
                          @Schema(examples = "API_KEY") String actorType,
                          @Schema(examples = "12") String actorId,
                          @Schema(examples = "営業部長 山田", nullable = true) String actorName,
                          @Schema(examples = "127.0.0.1", nullable = true) String remoteAddress,
                          @Schema(examples = "submission.updated") String action,
                          @Schema(examples = "submission") String resourceType,
                          @Schema(examples = "7/4") String resourceId,
                          @Schema(nullable = true) Long unitId, @Schema(nullable = true) Integer revisionBefore,
                          @Schema(nullable = true) Integer revisionAfter) {

    static AuditEventResponse of(AuditEvent e) {
        return new AuditEventResponse(e.id, e.occurredAt, e.actorType, e.actorId, e.actorName, e.remoteAddress, e.action,
                e.resourceType, e.resourceId, e.unitId, e.revisionBefore, e.revisionAfter);
    }
}
