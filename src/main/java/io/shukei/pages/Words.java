package io.shukei.pages;

import java.util.HashMap;
import java.util.Map;

import io.shukei.language.Language;

/** The pages' own words in Japanese and English; templates read them as {@code t.key}. */
final class Words {

    private static final Map<String, String[]> WORDS = new HashMap<>();

    static {
        w("service", "Shukei 情報セキュリティ自社診断", "Shukei information-security self-diagnosis");
        w("other", "English", "日本語");
        w("otherLang", "en", "ja");
        w("skip", "本文へ移動", "Skip to content");
        w("signIn", "サインイン", "Sign in");
        w("signOut", "サインアウト", "Sign out");
        w("signInTitle", "責任者・担当者のサインイン", "Sign in for managers");
        w("apiKey", "APIキー", "API key");
        w("apiKeyHint", "管理者から受け取ったキー(shk_ で始まります)、または初回起動時に data/shukei-admin-key.txt に書かれたキー。",
                "The key you were given (it starts with shk_), or the one the first start wrote to data/shukei-admin-key.txt.");
        w("signInProvider", "組織のアカウントでサインイン", "Sign in with your organisation's account");
        w("signInFailed", "サインインできませんでした。キーを確かめてください。", "That key did not sign you in. Please check it.");
        w("signedOut", "サインアウトしました。", "You have signed out.");
        w("sessionEnded", "セッションが終了しました。もう一度サインインしてください。", "Your session has ended. Please sign in again.");
        w("tooMany", "試行が多すぎます。しばらくしてからもう一度お試しください。", "Too many attempts. Please wait a moment and try again.");
        w("rounds", "診断一覧", "Rounds");
        w("noRounds", "見られる診断はまだありません。", "There is no round you can see yet.");
        w("round", "診断", "Round");
        w("status", "状態", "Status");
        w("OPEN", "受付中", "Open");
        w("CLOSED", "締切済み", "Closed");
        w("dueDate", "回答期限", "Due date");
        w("noDueDate", "期限なし", "no due date");
        w("submitted", "提出", "Submitted");
        w("progress", "提出状況", "Progress");
        w("ofSubmitted", "提出済み", "submitted");
        w("unit", "部署", "Unit");
        w("site", "事業所", "Site");
        w("submittedAt", "提出日時", "Submitted at");
        w("revisedAt", "最終更新", "Last changed");
        w("revision", "版", "Revision");
        w("score", "点数", "Score");
        w("missing", "未提出", "Not yet");
        w("link", "回答リンク", "Answer link");
        w("noLink", "リンクなし", "No link");
        w("linkActive", "有効", "Usable");
        w("linkRevoked", "取り消し済み", "Revoked");
        w("mailed", "メール送信", "Mailed");
        w("mailError", "メール送信失敗", "Mail failed");
        w("renew", "新しいリンク", "New link");
        w("revoke", "取り消す", "Revoke");
        w("makeLinks", "回答リンクを作成", "Make answer links");
        w("makeLinksHelp", "リンクのない部署ごとに回答用の個人リンクを作ります。リンクは作成直後に一度だけ表示されます。",
                "Makes a personal answer link for each unit without one. Links are shown once, right after they are made.");
        w("emailFor", "のメールアドレス(任意)", "e-mail address (optional)");
        w("mailOn", "メールアドレスのある部署には、リンクをメールで送ります。", "Units with an address get their link by e-mail.");
        w("mailOff", "このサービスはメールを送りません。作成したリンクをコピーして、各部署に届けてください。",
                "This service sends no mail: copy the links and pass each to its unit.");
        w("asCsv", "差し込み印刷用CSVでダウンロード", "Download as CSV for a mail merge");
        w("showLinks", "作成して表示", "Make and show");
        w("everyoneHasLink", "すべての部署にリンクがあります。", "Every unit has a link.");
        w("linksMade", "回答リンクを作成しました", "Answer links made");
        w("linksOnce", "これらのリンクは今だけ表示されます。コピーして各部署に届けてください。なくした場合は「新しいリンク」で作り直せます。",
                "These links are shown this once. Copy them and pass each to its unit; a lost link can be replaced with New link.");
        w("back", "戻る", "Back");
        w("close", "締め切る", "Close round");
        w("reopen", "再開する", "Reopen round");
        w("report", "報告書", "Report");
        w("reportHtml", "報告書(印刷用HTML)", "Report (printable HTML)");
        w("reportCsv", "CSV", "CSV");
        w("reportXlsx", "Excel(xlsx)", "Excel (xlsx)");
        w("sheetsCsv", "全部署の回答(CSV)", "Every sheet (CSV)");
        w("trend", "経年変化", "Trend");
        w("trendOf", "の経年変化", " over the rounds");
        w("change", "前回比", "Change");
        w("noScore", "提出なし", "no sheet");
        w("readOnlyRole", "このキーでは閲覧のみできます。", "This key can only read.");
        w("answerTitle", "情報セキュリティ自社診断", "Information-security self-diagnosis");
        w("respondent", "回答者のお名前", "Your name");
        w("respondentHint", "任意。管理者が誰の回答か分かるように。", "Optional, so that the manager knows who answered.");
        w("question", "設問", "Question");
        w("comment", "コメント(任意)", "Comment (optional)");
        w("send", "回答を送信", "Submit answers");
        w("correct", "回答を修正して送信", "Submit corrections");
        w("saved", "回答を保存しました。", "Your answers are saved.");
        w("result", "診断結果", "Result");
        w("band", "評価", "Assessment");
        w("nextStep", "次の一歩", "Next step");
        w("parts", "分野別", "By part");
        w("improve", "改善すべき設問", "Questions to improve");
        w("improveNone", "すべての設問が「実施している」です。", "Every question is implemented.");
        w("advice", "対策", "What to do");
        w("yourAnswer", "回答", "Your answer");
        w("unknownNote", "「わからない」の設問は、IPAの手引きに従い必ず確認してください。",
                "IPA asks for every question answered Don't know to be looked into.");
        w("answersTitle", "回答", "Answers");
        w("closedNote", "この診断は締め切られました。回答は閲覧のみできます。", "This round is closed: the answers can only be read.");
        w("correctNote", "締め切りまでは、回答を修正して送信し直せます。", "Until the round closes you can correct and submit again.");
        w("instructions", "25問すべてに、4つの回答から一つずつ選んでください。所要時間は5分ほどです。",
                "Choose one of the four answers for each of the 25 questions. It takes about five minutes.");
        w("errorsTitle", "送信できませんでした。次を直してください。", "Not submitted yet. Please fix the following.");
        w("notAnswered", "回答が選ばれていません", "No answer chosen");
        w("conflict", "この回答は、あなたが開いた後に別の人が更新しました(版 {0})。下はあなたの入力です。内容を確かめて送信すると、あなたの回答で置き換えます。",
                "Someone else updated these answers after you opened the page (revision {0}). Below is what you entered: check it and submit to replace theirs with yours.");
        w("linkInvalid", "このリンクは使えません", "This link does not work");
        w("linkInvalidText", "リンクが正しくないか、取り消されたか、新しいリンクに置き換えられたか、診断の締め切りから時間が経っています。診断の担当者にお問い合わせください。",
                "The link is wrong, was revoked or replaced by a newer one, or its round closed a while ago. Please ask the person running the diagnosis.");
        w("forbidden", "この操作はできません", "You cannot do this");
        w("formExpired", "フォームの有効期限が切れました。ページを開き直して、もう一度お試しください。",
                "This form has expired. Please open the page again and retry.");
        w("notFound", "見つかりません", "Not found");
        w("unofficial", "英語の設問文はIPAの公式訳ではありません(Shukeiによる非公式訳)。",
                "IPA publishes no English version: the English question texts are an unofficial translation.");
        w("source", "設問: IPA「5分でできる!情報セキュリティ自社診断」", "Questions: IPA, 5-minute information-security self-diagnosis");
        w("IMPLEMENTED", "実施している", "Implemented");
        w("PARTIAL", "一部実施している", "Partly implemented");
        w("NOT_IMPLEMENTED", "実施していない", "Not implemented");
        w("UNKNOWN", "わからない", "Don't know");
        w("points", "点", " points");
        w("of", "/", "of");
    }

    private Words() {
    }

    private static void w(String key, String ja, String en) {
        WORDS.put(key, new String[] {ja, en});
    }

    /** Every word in one language, as templates read them. */
    static Map<String, String> in(Language language) {
        Map<String, String> words = new HashMap<>();
        WORDS.forEach((key, both) -> words.put(key, both[language == Language.JA ? 0 : 1]));
        return words;
    }

    static String get(String key, Language language) {
        return WORDS.get(key)[language == Language.JA ? 0 : 1];
    }
}
