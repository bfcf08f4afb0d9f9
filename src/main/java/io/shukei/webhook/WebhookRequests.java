package io.shukei.webhook;

import io.shukei.http.TextRules;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class WebhookRequests {

    private static final String EVENTS = "Any of " + EventType.NAMES;
    private static final String TEXT = TextRules.SINGLE_LINE;

    private WebhookRequests() {
    }

    @Schema(name = "WebhookCreate")
    record Create(
            @NotBlank @Size(max = 2000) @Schema(description = "An https URL on a public address", examples = "https://hooks.example.com/shukei")
            String url,
            @NotNull @Size(min = 1, max = 7) @Schema(description = EVENTS, examples = "[\"submission.created\",\"round.completed\"]")
            List<@NotNull @Size(max = 40) String> events,
            @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "Events of this unit's subtree are sent", examples = "1") Long unitId,
            @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters")
            @Schema(examples = "Sync to the intranet dashboard") String description) {
    }

    /** Absent (or null) fields are left alone. */
    @Schema(name = "WebhookPatch")
    record Patch(
            @Size(min = 1, max = 2000) String url,
            @Size(min = 1, max = 7) @Schema(description = EVENTS) List<@NotNull @Size(max = 40) String> events,
            @Schema(description = "true holds deliveries back; they are sent when it is set to false again") Boolean paused,
            @Size(max = 500) @Pattern(regexp = TEXT, message = "must not contain control characters") String description) {
    }
}
