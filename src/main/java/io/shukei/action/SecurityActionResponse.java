package io.shukei.action;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.shukei.catalog.BandView;
import io.shukei.catalog.Catalog;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far an organisation is on the way to a SECURITY ACTION declaration, with the evidence for each step. */
@Schema(name = "SecurityActionStatus")
record SecurityActionResponse(
        @Schema(examples = "1") long organisationId,
        @Schema(examples = "株式会社アクメ") String organisationName,
        @Schema(description = "The level the organisation can truthfully declare now") Level declarableLevel,
        Catalog.Text declarableLevelLabel,
        @Schema(description = "What the organisation may say now") Catalog.Text statement,
        @Schema(description = "null once two stars can be declared", nullable = true) Level nextLevel,
        @Schema(description = "The requirements of the next level not met yet") List<RequirementCode> missingForNextLevel,
        List<Requirement> requirements,
        @Schema(description = "The declaration itself is made on IPA's own site") Catalog.Text howToDeclare,
        @Schema(examples = Wording.DECLARATION_SITE) String declarationSite,
        OffsetDateTime generatedAt) {

    @Schema(name = "SecurityActionRequirement")
    record Requirement(
            RequirementCode code,
            @Schema(description = "The level that asks for it") Level level,
            boolean met,
            Catalog.Text title,
            @Schema(description = "What the organisation recorded; null when nothing is recorded", nullable = true, type = SchemaType.OBJECT, anyOf = {
                    CommitmentResponse.class, Diagnosis.class, PolicyEvidence.class, PublicationResponse.class})
            Object evidence,
            @Schema(description = "Things to look at, even when the requirement is met") List<Catalog.Text> warnings) {
    }

    /** The latest closed round over the whole company, tallied at the company. */
    @Schema(name = "SecurityActionDiagnosis")
    record Diagnosis(
            @Schema(examples = "7") long roundId,
            @Schema(examples = "2026年度 情報セキュリティ自社診断") String roundTitle,
            OffsetDateTime closedAt,
            @Schema(description = "null when the round has no sheet", examples = "82.00", nullable = true) BigDecimal score,
            @Schema(nullable = true) BandView band,
            @Schema(examples = "3") long expectedUnits,
            @Schema(examples = "3") long submittedUnits,
            @Schema(description = "わからない answers to review", examples = "0") int unknownAnswers,
            Catalog.Text scoreNote) {
    }

    @Schema(name = "SecurityActionPolicyEvidence")
    record PolicyEvidence(@Schema(examples = "2") int version, @Schema(description = "制定日") LocalDate enactedOn,
                          OffsetDateTime createdAt) {
    }
}
