package io.shukei.webhook;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
record DeliveryResponse(
        @Schema(examples = "42") long id,
        @Schema(description = "The webhook-id header; the same on every attempt, for de-duplication",
                examples = "evt_5f0c6d0e8b7a4c4f9a1f2b3c4d5e6f70") String eventId,
        @Schema(examples = "submission.created") String eventType,
        DeliveryStatus status,
        @Schema(examples = "1") int attempts,
        @Schema(description = "The receiver's status code at the latest attempt; null when none was received", nullable = true)
        Integer lastStatusCode,
        @Schema(description = "Why the latest attempt failed without a status code (timeout, refused address)", nullable = true)
        String lastError,
        @Schema(description = "The first 200 characters of the receiver's latest answer", nullable = true)
        String responseExcerpt,
        @Schema(nullable = true) OffsetDateTime lastAttemptAt,
        @Schema(description = "When the next attempt is due, while PENDING", nullable = true) OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt) {

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id, d.event.id, d.event.type, d.status, d.attempts, d.lastStatusCode, d.lastError,
                d.responseExcerpt, d.lastAttemptAt, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt);
    }
}
