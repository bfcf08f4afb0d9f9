package io.shukei.catalog;

import java.util.EnumMap;
import java.util.Map;

import io.shukei.tally.Answer;
import io.shukei.tally.Policy;

/** The scoring's codes as people read them, in both languages: answers and tally policies. */
public final class Labels {

    private static final Map<Answer, Catalog.Text> ANSWERS = new EnumMap<>(Answer.class);
    private static final Map<Policy, Catalog.Text> POLICIES = new EnumMap<>(Map.of(
            Policy.CONSOLIDATED, new Catalog.Text("統合判定", "Consolidated answer"),
            Policy.WEAKEST, new Catalog.Text("最も低い回答", "Weakest answer"),
            Policy.MEAN, new Catalog.Text("平均", "Mean"),
            Policy.HEADCOUNT_MEAN, new Catalog.Text("人数で重み付けした平均", "Headcount-weighted mean")));
    private static final Map<Policy, Catalog.Text> HOW = new EnumMap<>(Map.of(
            Policy.CONSOLIDATED, new Catalog.Text(
                    "設問ごとに、一部署でも「わからない」ならわからない、全部署が実施なら実施、全部署が未実施なら未実施、"
                            + "それ以外は一部実施として合計",
                    "Per question: Don't know if any unit does not know, Implemented if all did, Not implemented if none did, "
                            + "otherwise Partly implemented; then summed"),
            Policy.WEAKEST, new Catalog.Text("設問ごとに最も点数の低い部署の回答を採って合計",
                    "Per question, the answer with the fewest points among the units; then summed"),
            Policy.MEAN, new Catalog.Text("設問ごとに部署の点数を平均して合計",
                    "Per question, the mean of the units' points; then summed"),
            Policy.HEADCOUNT_MEAN, new Catalog.Text("設問ごとに人数で重み付けした平均を合計",
                    "Per question, the mean of the units' points weighted by headcount; then summed")));

    static {
        for (Answer a : Answer.values()) {
            ANSWERS.put(a, new Catalog.Text(a.labelJa(), a.labelEn()));
        }
    }

    private Labels() {
    }

    public static Catalog.Text answer(Answer answer) {
        return answer == null ? null : ANSWERS.get(answer);
    }

    public static Catalog.Text policy(Policy policy) {
        return POLICIES.get(policy);
    }

    /** How the policy turns the units' answers into one score. */
    public static Catalog.Text how(Policy policy) {
        return HOW.get(policy);
    }
}
