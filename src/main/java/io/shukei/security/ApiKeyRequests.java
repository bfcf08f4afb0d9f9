package io.shukei.security;

import io.shukei.http.TextRules;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    @Schema(name = "ApiKeyCreate")
    record Create(
            @NotBlank @Size(max = 200) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
            @Schema(examples = "営業部長 山田") String name,
            @NotNull Role role,
            @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(description = "The unit whose subtree the key may act on", examples = "4") Long unitId,
            @Schema(description = "When the key stops working; never when omitted") OffsetDateTime expiresAt) {
    }
}
