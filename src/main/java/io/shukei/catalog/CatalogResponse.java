package io.shukei.catalog;

import java.util.List;

import io.shukei.tally.Answer;
import io.shukei.tally.Band;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Catalog")
record CatalogResponse(
        @Schema(examples = "ipa-5min-self-diagnosis") String id,
        @Schema(description = "The edition the wording follows; every submission records it", examples = "tmg-handbook-2024")
        String version,
        @Schema(description = "Language of the primary texts", examples = "ja") String language,
        String title,
        Catalog.Text titles,
        String source,
        @Schema(description = "The English texts are unofficial") Catalog.Text translationNote,
        List<PartEntry> parts,
        List<QuestionEntry> questions,
        List<AnswerEntry> answers,
        @Schema(description = "IPA's bands for a total, highest first, decided on the unrounded total") List<BandEntry> bands,
        @Schema(description = "How totals are shown beside their bands") Catalog.Text displayRule) {

    record PartEntry(int number, String title, Catalog.Text titles,
                     @Schema(description = "What the sheet says of the part (IPA's wording in ja)") Catalog.Text description,
                     int firstQuestion, int lastQuestion, int maxPoints) {
    }

    record QuestionEntry(int number, int part, String text,
                         @Schema(description = "ja: IPA's wording; en: unofficial translation") Catalog.Text texts) {
    }

    record AnswerEntry(Answer code, String label, Catalog.Text labels, int points) {
    }

    @Schema(name = "CatalogBand")
    record BandEntry(Band code, @Schema(description = "Lowest total in the band; null for the lowest band", examples = "70", nullable = true)
                     Integer from,
                     @Schema(description = "The totals of the band as the sheet's table gives them") Catalog.Text range,
                     Catalog.Text situation, Catalog.Text nextStep) {
    }

    static final Catalog.Text DISPLAY_RULE = new Catalog.Text(
            "合計点は小数第2位まで表示します(第3位を四捨五入)。ただし、区分の境目(50点・70点・100点)をまたいで切り上がる場合は"
                    + "切り捨てます(69.995点は70.00点ではなく69.99点と表示し、「70点未満」の区分のままです)。区分は丸める前の値で決めます。",
            "Totals are shown with two decimals, rounded half up, except that a total just under a band threshold (50, 70, "
                    + "100) is cut instead of rounded up onto it: 69.995 shows as 69.99, not 70.00, and stays in the band "
                    + "below 70. Bands are decided on the unrounded total.");

    static final String EXAMPLE = """
            {"id":"ipa-5min-self-diagnosis","version":"tmg-handbook-2024","language":"ja",
             "title":"5分でできる!情報セキュリティ自社診断",
             "titles":{"ja":"5分でできる!情報セキュリティ自社診断","en":"5-minute information security self-diagnosis"},
             "source":"IPA「5分でできる!情報セキュリティ自社診断」, as reproduced in the Tokyo Metropolitan Government's SME cybersecurity handbook (2-2-3)",
             "translationNote":{"ja":"英語の文言は Shukei による非公式の翻訳です。IPA は英語版を公表していません。",
                                "en":"The English texts are Shukei's own unofficial translation; IPA publishes no English version."},
             "parts":[{"number":1,"title":"基本的対策","titles":{"ja":"基本的対策","en":"Basic measures"},
                       "description":{"ja":"No.1~5は企業の規模や形態を問わず、必須の5項目です。…","en":"Nos. 1 to 5 are the five essential items for every business, …"},
                       "firstQuestion":1,"lastQuestion":5,"maxPoints":20}],
             "questions":[{"number":1,"part":1,"text":"パソコンやスマホ等情報機器のOSやソフトウェアは常に最新の状態にしていますか?",
                           "texts":{"ja":"パソコンやスマホ等情報機器のOSやソフトウェアは常に最新の状態にしていますか?",
                                    "en":"Do you keep the operating systems and software of PCs, smartphones and other information devices up to date at all times?"}}],
             "answers":[{"code":"IMPLEMENTED","label":"実施している","labels":{"ja":"実施している","en":"Implemented"},"points":4}],
             "bands":[{"code":"PARTLY_INSUFFICIENT","from":70,"range":{"ja":"70点以上100点未満","en":"70 or more, under 100"},"situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                       "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}}],
             "displayRule":{"ja":"合計点は小数第2位まで表示します(第3位を四捨五入)。…","en":"Totals are shown with two decimals, rounded half up, except …"}}""";
}
