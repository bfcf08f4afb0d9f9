package io.shukei.action;

import io.shukei.catalog.Catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What each level asks of the organisation (seed §2-2-1). */
@Schema(name = "SecurityActionRequirementCode")
enum RequirementCode {
    FIVE_PRINCIPLES_COMMITMENT(Level.ONE_STAR,
            "「情報セキュリティ5か条」に取り組むことを決めている",
            "Committed to work on the Five Principles of Information Security"),
    SELF_DIAGNOSIS(Level.TWO_STARS,
            "「5分でできる!情報セキュリティ自社診断」で自社の状況を把握している",
            "Has assessed its situation with the 5-minute self-diagnosis"),
    BASIC_POLICY(Level.TWO_STARS,
            "情報セキュリティ基本方針を定めている",
            "Has set a basic information security policy"),
    POLICY_PUBLISHED(Level.TWO_STARS,
            "情報セキュリティ基本方針を外部に公開している",
            "Has published the basic policy");

    private final Level level;
    private final String ja;
    private final String en;

    RequirementCode(Level level, String ja, String en) {
        this.level = level;
        this.ja = ja;
        this.en = en;
    }

    Level level() {
        return level;
    }

    Catalog.Text title() {
        return new Catalog.Text(ja, en);
    }
}
