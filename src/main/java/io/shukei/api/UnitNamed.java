package io.shukei.api;

import java.util.List;
import java.util.stream.Collectors;

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
}
