package io.shukei.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BasicPolicy")
record BasicPolicyResponse(
        @Schema(examples = "1") long organisationId,
        @Schema(description = "Also sent as the ETag", examples = "2") int version,
        @Schema(description = "The version in force", examples = "2") int currentVersion,
        @Schema(examples = "情報セキュリティ基本方針") String title,
        @Schema(examples = "株式会社アクメ") String companyName,
        @Schema(examples = "代表取締役社長") String representativeTitle,
        @Schema(examples = "山田太郎") String representativeName,
        @Schema(description = "制定日") LocalDate enactedOn,
        String preamble,
        List<Section> sections,
        OffsetDateTime createdAt) {

    @Schema(name = "BasicPolicySection")
    record Section(@Schema(examples = "1") int number, @Schema(examples = "経営者の責任") String heading, String text) {
    }

    static BasicPolicyResponse of(BasicPolicy p, int currentVersion) {
        List<Section> sections = new ArrayList<>(p.sections.size());
        for (int i = 0; i < p.sections.size(); i++) {
            sections.add(new Section(i + 1, p.sections.get(i).heading(), p.sections.get(i).text()));
        }
        return new BasicPolicyResponse(p.organisationId, p.version, currentVersion, BasicPolicyTemplate.TITLE,
                p.companyName, p.representativeTitle, p.representativeName, p.enactedOn, p.preamble, sections, p.createdAt);
    }
}
