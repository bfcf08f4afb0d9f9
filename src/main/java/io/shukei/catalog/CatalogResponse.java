package io.shukei.catalog;

import java.util.List;

import io.shukei.tally.Answer;

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
        List<AnswerEntry> answers) {

    record PartEntry(int number, String title, Catalog.Text titles, int firstQuestion, int lastQuestion, int maxPoints) {
    }

    record QuestionEntry(int number, int part, String text,
                         @Schema(description = "ja: IPA's wording; en: unofficial translation") Catalog.Text texts) {
    }

    record AnswerEntry(Answer code, String label, Catalog.Text labels, int points) {
    }

    static final String EXAMPLE = """
            {"id":"ipa-5min-self-diagnosis","version":"tmg-handbook-2024","language":"ja",
             "title":"5分でできる!情報セキュリティ自社診断",
             "titles":{"ja":"5分でできる!情報セキュリティ自社診断","en":"5-minute information security self-diagnosis"},
             "parts":[{"number":1,"title":"基本的対策","titles":{"ja":"基本的対策","en":"Basic measures"},
                       "firstQuestion":1,"lastQuestion":5,"maxPoints":20}],
             "questions":[{"number":1,"part":1,"text":"パソコンやスマホ等情報機器のOSやソフトウェアは常に最新の状態にしていますか?",
                           "texts":{"ja":"パソコンやスマホ等情報機器のOSやソフトウェアは常に最新の状態にしていますか?",
                                    "en":"Do you keep the operating systems and software of PCs, smartphones and other information devices up to date at all times?"}}],
             "answers":[{"code":"IMPLEMENTED","label":"実施している","labels":{"ja":"実施している","en":"Implemented"},"points":4}]}""";
}
