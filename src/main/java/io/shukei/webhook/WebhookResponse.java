package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", requiredProperties = {"id", "url", "events", "unitId", "description", "paused", "createdAt",
        "updatedAt", "revision"})
record WebhookResponse(
        @Schema(examples = "3") long id,
        @Schema(examples = "https://hooks.example.com/shukei") String url,
        List<String> events,
        @Schema(examples = "1") long unitId,
        @Schema(nullable = true) String description,
        boolean paused,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The signing secret; only in the answer to the creation, never again",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int revision) {

    static WebhookResponse of(Subscription s, boolean withSecret) {
        return new WebhookResponse(s.id, s.url, List.of(s.events), s.unitId, s.description, s.paused,
                withSecret ? s.secret : null, s.createdAt, s.updatedAt, s.revision);
    }
}
