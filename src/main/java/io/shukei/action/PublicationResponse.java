package io.shukei.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyPublication")
record PublicationResponse(@Schema(examples = "4") long id, @Schema(examples = "1") long organisationId,
                           @Schema(examples = "https://www.example.co.jp/security-policy") String url,
                           LocalDate publishedOn,
                           @Schema(description = "The policy version in force when the publication was recorded", examples = "1")
                           int policyVersion,
                           OffsetDateTime recordedAt) {

    static PublicationResponse of(Publication p) {
        return new PublicationResponse(p.id, p.organisationId, p.url, p.publishedOn, p.policyVersion, p.recordedAt);
    }
}
