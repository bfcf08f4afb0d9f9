package io.shukei.action;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.shukei.catalog.Catalog;
import io.shukei.catalog.Labels;
import io.shukei.people.Audience;
import io.shukei.report.ReportResponse;
import io.shukei.tally.Answer;

/**
 * One printable page for the organisation's own files (templates/EvidencePack/pack.html): the declaration
 * status, the latest diagnosis and the policy in force, as they stood when the page was made. In Japanese.
 */
final class EvidencePack {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pack(View pack, Audience a);
    }

    private EvidencePack() {
    }

    static String html(SecurityActionService.Assessment assessment, Audience audience) {
        return Templates.pack(new View(assessment.status(), assessment.report(), assessment.policy()), audience).render();
    }

    /** What the page shows, with the words for what the records hold. */
    record View(SecurityActionResponse status, ReportResponse report, BasicPolicyResponse policy) {

        public Catalog.Text level(SecurityActionResponse.Requirement requirement) {
            return requirement.level().label();
        }

        public Catalog.Text policyName() {
            return Labels.policy(report.policy());
        }

        public Catalog.Text answer(Answer answer) {
            return Labels.answer(answer);
        }

        public Catalog.Text noPassMark() {
            return Wording.NO_PASS_MARK;
        }

        /** What the organisation recorded for a requirement, in words. */
        public String evidence(SecurityActionResponse.Requirement requirement, Audience a) {
            Object evidence = requirement.evidence();
            if (evidence instanceof CommitmentResponse c) {
                return c.committedBy() + "(" + a.time(c.committedAt()) + " 記録)";
            }
            if (evidence instanceof SecurityActionResponse.Diagnosis d) {
                return d.roundTitle() + "(" + a.time(d.closedAt()) + " 締切)" + (d.score() == null ? "" : " " + a.number(d.score()) + "点");
            }
            if (evidence instanceof SecurityActionResponse.PolicyEvidence p) {
                return "第" + p.version() + "版(制定日 " + a.date(p.enactedOn()) + ")";
            }
            if (evidence instanceof PublicationResponse p) {
                return p.url() + "(" + a.date(p.publishedOn()) + " 公開、第" + p.policyVersion() + "版)";
            }
            return "記録なし";
        }
    }
}
