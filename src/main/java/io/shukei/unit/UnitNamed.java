package io.shukei.unit;

import java.util.List;
import java.util.stream.Collectors;

import io.shukei.language.Language;
import io.shukei.problem.ProblemException;

/** A unit as people read it in a message: by its name and code, never by its internal id alone. */
public interface UnitNamed {

    long unitId();

    String code();

    String name();

    /** 東京営業部(tokyo-sales) in Japanese, tokyo-sales (東京営業部) in English. */
    static String label(String code, String name, Language language) {
        return language == Language.JA ? name + "(" + code + ")" : code + " (" + name + ")";
    }

    static String list(List<? extends UnitNamed> units, Language language) {
        return units.stream().map(u -> label(u.code(), u.name(), language))
                .collect(Collectors.joining(language == Language.JA ? "、" : ", "));
    }

    /**
     * HEADCOUNT_MEAN was asked for, but some units that submitted have no headcount.
     *
     * @param units each unit as {@code unitId}, {@code code} and {@code name}, in the order of unitIds: the first
     *              ones when there are many
     * @param count how many units have no headcount
     */
    static ProblemException missingHeadcount(List<Long> unitIds, List<? extends UnitNamed> units, int count) {
        return ProblemException.unprocessable("/problems/missing-headcount", "Missing headcount",
                        "HEADCOUNT_MEAN needs the headcount of every unit that submitted; missing for "
                                + list(units, Language.EN) + more(units, count, Language.EN))
                .inJapanese("人数で重み付けする集計(HEADCOUNT_MEAN)には、提出したすべての部署の人数が必要です。人数が未登録: "
                        + list(units, Language.JA) + more(units, count, Language.JA))
                .with("unitIds", unitIds)
                .with("units", units);
    }

    /** ", and 12 more" after a list that names the first of {@code count} units only; nothing when it names them all. */
    static String more(List<? extends UnitNamed> units, int count, Language language) {
        int rest = count - units.size();
        if (rest <= 0) {
            return "";
        }
        return language == Language.JA ? "、ほか" + rest + "部署" : ", and " + rest + " more";
    }
}
