package io.shukei.action;

import java.util.List;

/**
 * IPA's 情報セキュリティ基本方針 sample (seed §2-2-4): a preamble naming the company, five items, and
 * a footer with the date of enactment, the company and its representative. Where the sample offers
 * a choice (お客様からお預かりした / 当社の 情報資産) the template takes the first; the organisation
 * edits the preamble to say otherwise.
 */
final class BasicPolicyTemplate {

    static final String TITLE = "情報セキュリティ基本方針";

    static final List<BasicPolicy.Section> SECTIONS = List.of(
            new BasicPolicy.Section("経営者の責任",
                    "当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。"),
            new BasicPolicy.Section("社内体制の整備",
                    "当社は、情報セキュリティの維持および改善のために組織を設置し、情報セキュリティ対策を社内の正式な規則として定めます。"),
            new BasicPolicy.Section("従業員の取組み",
                    "当社の従業員は、情報セキュリティのために必要とされる知識、技術を習得し、情報セキュリティへの取組みを確かなものにします。"),
            new BasicPolicy.Section("法令および契約上の要求事項の遵守",
                    "当社は、情報セキュリティに関わる法令、規制、規範、契約上の義務を遵守するとともに、お客様の期待に応えます。"),
            new BasicPolicy.Section("違反および事故への対応",
                    "当社は、情報セキュリティに関わる法令違反、契約違反および事故が発生した場合には適切に対処し、再発防止に努めます。"));

    private BasicPolicyTemplate() {
    }

    static String preamble(String companyName) {
        return companyName + "(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、"
                + "お客様ならびに社会の信頼に応えるべく、以下の方針に基づき全社で情報セキュリティに取組みます。";
    }
}
