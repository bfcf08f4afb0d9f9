package io.shukei.plan;

import io.shukei.people.Labelled;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an action item stands. */
@Schema(name = "ActionItemStatus")
public enum ActionItemStatus implements Labelled {
    OPEN("未完了", "Open"),
    DONE("完了", "Done"),
    DROPPED("取りやめ", "Dropped");

    private final String ja;
    private final String en;

    ActionItemStatus(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @Override
    public String ja() {
        return ja;
    }

    @Override
    public String en() {
        return en;
    }
}
