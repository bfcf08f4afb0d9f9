package io.shukei.action;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member company of a group or association, as its own SECURITY ACTION status has it. */
@Schema(name = "MemberCompany")
record MemberCompanyResponse(
        @Schema(examples = "12") long unitId,
        @Schema(examples = "beta") String code,
        @Schema(examples = "株式会社ベータ") String name,
        @Schema(description = "The level the company can truthfully declare now") Level declarableLevel,
        Catalog.Text declarableLevelLabel,
        @Schema(description = "The latest closed round over the whole company, tallied at the company; null when none",
                nullable = true)
        LatestRound latestRound,
        @Schema(description = "The version of the basic policy in force; null when none", nullable = true) Integer policyVersion,
        @Schema(description = "制定日 of the policy in force", nullable = true) LocalDate policyEnactedOn,
        @Schema(description = "Whether the company recorded the publication of its basic policy") boolean published,
        @Schema(nullable = true) LocalDate publishedOn,
        @Schema(examples = "https://www.example.co.jp/security-policy", nullable = true) String publicationUrl) {

    @Schema(name = "MemberCompanyRound")
    record LatestRound(@Schema(examples = "7") long roundId, String title, OffsetDateTime closedAt,
                       @Schema(description = "null when the company gave no sheet in it", examples = "82.00", nullable = true)
                       BigDecimal score,
                       @Schema(nullable = true) BandView band) {
    }

    static MemberCompanyResponse of(long unitId, String code, SecurityActionService.Assessment assessment) {
        SecurityActionResponse status = assessment.status();
        LatestRound round = status.requirements().stream()
                .filter(r -> r.evidence() instanceof SecurityActionResponse.Diagnosis).findFirst()
                .map(r -> (SecurityActionResponse.Diagnosis) r.evidence())
                .map(d -> new LatestRound(d.roundId(), d.roundTitle(), d.closedAt(), d.score(), d.band())).orElse(null);
        PublicationResponse publication = status.requirements().stream()
                .filter(r -> r.evidence() instanceof PublicationResponse).findFirst()
                .map(r -> (PublicationResponse) r.evidence()).orElse(null);
        BasicPolicyResponse policy = assessment.policy();
        return new MemberCompanyResponse(unitId, code, status.organisationName(), status.declarableLevel(),
                status.declarableLevelLabel(), round, policy == null ? null : policy.version(),
                policy == null ? null : policy.enactedOn(), publication != null,
                publication == null ? null : publication.publishedOn(), publication == null ? null : publication.url());
    }
}
