package io.shukei.invitation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.shukei.http.TextRules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the invitation API. */
public final class InvitationRequests {

    private InvitationRequests() {
    }

    @Schema(name = "InvitationCreate")
    public record Create(
            @Size(min = 1, max = 10000)
            @Schema(description = "The units to invite, each optionally with an e-mail address; omitted: every participant "
                    + "in your scope that has no usable link yet. A unit named here that has one gets a new link, which "
                    + "replaces the old one")
            List<@NotNull @Valid Recipient> participants) {
    }

    @Schema(name = "InvitationRecipient")
    public record Recipient(
            @NotNull @Min(1) @Max(Long.MAX_VALUE) @Schema(examples = "4") Long unitId,
            @Email @Size(max = 254) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.NO_CONTROL)
            @Schema(description = "Where the link is mailed (when the service sends mail) and the CSV's address column",
                    examples = "eigyo-bucho@example.co.jp") String email) {
    }
}
