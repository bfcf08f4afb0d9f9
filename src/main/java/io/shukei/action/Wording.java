package io.shukei.action;

import io.shukei.catalog.Catalog;

/**
 * Every sentence the service says about the declaration, in one place. SECURITY ACTION is a
 * self-declaration, not an evaluation by IPA, so the texts speak of 宣言 only (seed §2-2-1).
 */
final class Wording {

    static final String DECLARATION_SITE = "https://www.ipa.go.jp/security/security-action/";

    static final Catalog.Text HOW_TO_DECLARE = new Catalog.Text(
            "SECURITY ACTIONは事業者が自ら行う自己宣言です。宣言はIPAのSECURITY ACTIONのWebサイト("
                    + DECLARATION_SITE + ")で事業者自身が行います。本サービスは宣言の準備状況を示すもので、宣言そのものは行いません。",
            "SECURITY ACTION is a self-declaration made by the organisation itself. The declaration is made on IPA's own "
                    + "SECURITY ACTION site (" + DECLARATION_SITE + "). This service shows how ready the organisation is; "
                    + "it does not make the declaration.");

    static final Catalog.Text NO_PASS_MARK = new Catalog.Text(
            "二つ星の宣言に点数の基準はありません。IPAは合格点を定めていません。",
            "The two-star declaration asks for no minimum score; IPA sets no pass mark.");

    static final Catalog.Text NO_SHEET = new Catalog.Text(
            "直近に締め切った診断には回答がありません。",
            "The latest closed round has no answer sheet.");

    private Wording() {
    }

    /** What the organisation may truthfully say now. */
    static Catalog.Text statement(Level level) {
        return switch (level) {
            case NONE -> new Catalog.Text(
                    "まだ宣言できる段階ではありません。一つ星には「情報セキュリティ5か条」に取り組むことを決めることが必要です。",
                    "Nothing can be declared yet. One star needs a commitment to the Five Principles of Information Security.");
            case ONE_STAR -> new Catalog.Text(
                    "一つ星を宣言できます。宣言した後は「一つ星を宣言しました」と表現します。",
                    "The organisation can declare one star. Once declared, say \"we have declared one star\".");
            case TWO_STARS -> new Catalog.Text(
                    "二つ星を宣言できます。宣言した後は「二つ星を宣言しました」と表現します。",
                    "The organisation can declare two stars. Once declared, say \"we have declared two stars\".");
        };
    }

    static Catalog.Text incompleteCoverage(long submitted, long expected) {
        return new Catalog.Text(
                "未回答の事業所・部署があります(回答 " + submitted + "/" + expected + ")。診断結果は組織全体の状況を表していません。",
                "Some sites or departments did not answer (" + submitted + " of " + expected
                        + "); the result does not describe the whole organisation.");
    }

    static Catalog.Text unknownAnswers(int count) {
        return new Catalog.Text(
                "「わからない」の回答が" + count + "件あります。IPAは「わからない」の項目を確認するよう求めています。",
                count + " answer(s) are \"don't know\"; IPA asks for every such item to be reviewed.");
    }

    static Catalog.Text policyRevisedSincePublication(int publishedVersion, int currentVersion) {
        return new Catalog.Text(
                "公開後に基本方針が改定されています(公開時 第" + publishedVersion + "版、現在 第" + currentVersion
                        + "版)。公開している内容を更新してください。",
                "The policy has been revised since it was published (version " + publishedVersion + " published, version "
                        + currentVersion + " in force); update the published page.");
    }
}
