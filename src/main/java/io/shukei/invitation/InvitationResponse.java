package io.shukei.invitation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invitation as listed; {@code url} only in the answer that makes the link. */
@Schema(name = "Invitation")
public record InvitationResponse(
        @Schema(examples = "31") long id,
        @Schema(examples = "7") long roundId,
        @Schema(examples = "4") long unitId,
        @Schema(examples = "sales") String unitCode,
        @Schema(examples = "営業部") String unitName,
        @Schema(description = "The unit's parent as the round names it (its site), if any", examples = "東京本社",
                nullable = true)
        String parentName,
        @Schema(examples = "eigyo-bucho@example.co.jp", nullable = true) String email,
        LinkState state,
        @Schema(description = "The personal link: shown once, in the answer that makes it, and null ever after",
                nullable = true,
                examples = "https://shukei.example.co.jp/i/4bV0l7cV2Yx1m8Qp0ZkT3uN9rJ6sWc5dHf2gAe8KqLw")
        String url,
        OffsetDateTime createdAt,
        @Schema(description = "When the current link was made") OffsetDateTime issuedAt,
        @Schema(nullable = true) OffsetDateTime revokedAt,
        @Schema(description = "When the link was last mailed", nullable = true) OffsetDateTime mailedAt,
        @Schema(description = "Why the last mail could not be sent", nullable = true) String mailError) {

    InvitationResponse withUrl(String link) {
        return new InvitationResponse(id, roundId, unitId, unitCode, unitName, parentName, email, state, link, createdAt,
                issuedAt, revokedAt, mailedAt, mailError);
    }
}
