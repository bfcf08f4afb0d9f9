package io.shukei.security;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKey", requiredProperties = {"id", "name", "role", "prefix", "createdBy", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyResponse(
        @Schema(examples = "12") long id,
        @Schema(examples = "営業部長 山田") String name,
        Role role,
        @Schema(description = "null for a global key") Long unitId,
        @Schema(description = "The public part of the key, to recognise it in lists", examples = "shk_3f9a0c51b2e4")
        String prefix,
        @Schema(description = "The key itself: shown once, in the response that creates it, and never again")
        String secret,
        String createdBy,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt,
        OffsetDateTime revokedAt) {

    static ApiKeyResponse of(ApiKey k, String secret) {
        return new ApiKeyResponse(k.id, k.name, k.role, k.unitId, ApiKeyMaterial.MARK + k.prefix, secret, k.createdBy,
                k.createdAt, k.expiresAt, k.revokedAt);
    }
}
