package io.shukei.action;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SecurityActionCommitment")
record CommitmentResponse(@Schema(examples = "3") long id, @Schema(examples = "1") long organisationId,
                          @Schema(examples = "代表取締役社長 山田太郎") String committedBy, OffsetDateTime committedAt) {

    static CommitmentResponse of(Commitment c) {
        return new CommitmentResponse(c.id, c.organisationId, c.committedBy, c.committedAt);
    }
}
