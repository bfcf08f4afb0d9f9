package io.shukei.action;

import io.shukei.http.TextRules;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ActionRequests {

    /** One line of printable text: no control characters. */
    static final String LINE = TextRules.SINGLE_LINE;
    /** Printable text that may run over several lines. */
    static final String LINES = TextRules.MULTI_LINE;
    /** An absolute http(s) URL with a host and no whitespace, as a reader would type it into a browser. */
    static final String WEB_URL = TextRules.WEB_URL;
    static final String NO_CONTROL = TextRules.NO_CONTROL;

    private ActionRequests() {
    }

    @Schema(name = "SecurityActionCommitmentCreate")
    record Commit(
            @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = NO_CONTROL)
            @Schema(description = "Who decided, as the organisation wants it recorded", examples = "代表取締役社長 山田太郎")
            String committedBy) {
    }

    @Schema(name = "PolicyPublicationCreate")
    record Publish(
            @NotBlank @Size(max = 2000) @Pattern(regexp = WEB_URL, message = "must be an absolute http or https URL")
            @Schema(examples = "https://www.example.co.jp/security-policy") String url,
            @NotNull @Schema(examples = "2026-04-01") LocalDate publishedOn) {
    }

    @Schema(name = "BasicPolicyPut")
    record PolicyPut(
            @NotBlank @Size(max = 200) @Pattern(regexp = LINE, message = NO_CONTROL)
            @Schema(examples = "株式会社アクメ") String companyName,
            @NotBlank @Size(max = 100) @Pattern(regexp = LINE, message = NO_CONTROL)
            @Schema(examples = "代表取締役社長") String representativeTitle,
            @NotBlank @Size(max = 100) @Pattern(regexp = LINE, message = NO_CONTROL)
            @Schema(examples = "山田太郎") String representativeName,
            @NotNull @Schema(description = "制定日", examples = "2026-04-01") LocalDate enactedOn,
            @Size(min = 1, max = 4000) @Pattern(regexp = LINES, message = NO_CONTROL)
            @Schema(description = "Omit for IPA's sample preamble with the company name") String preamble,
            @Size(min = 1, max = 20)
            @Schema(description = "Omit for IPA's five sample items; when given, the whole numbered list")
            List<@Valid @NotNull Section> sections) {
    }

    @Schema(name = "BasicPolicySectionPut")
    record Section(
            @NotBlank @Size(max = 100) @Pattern(regexp = LINE, message = NO_CONTROL)
            @Schema(examples = "経営者の責任") String heading,
            @NotBlank @Size(max = 2000) @Pattern(regexp = LINES, message = NO_CONTROL)
            @Schema(examples = "当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。") String text) {
    }
}
