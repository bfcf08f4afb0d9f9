package io.shukei.action;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.shukei.people.Audience;

/**
 * A basic policy in IPA's layout (seed §2-2-4) as Markdown (templates/PolicyDocument/markdown.md, every text
 * escaped as Markdown by the engine) or as a printable HTML page (templates/PolicyDocument/page.html).
 */
final class PolicyDocument {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance markdown(BasicPolicyResponse policy, Audience a);

        static native TemplateInstance page(BasicPolicyResponse policy, Audience a);
    }

    private PolicyDocument() {
    }

    static String markdown(BasicPolicyResponse policy, Audience audience) {
        return Templates.markdown(policy, audience).render();
    }

    static String html(BasicPolicyResponse policy, Audience audience) {
        return Templates.page(policy, audience).render();
    }
}
