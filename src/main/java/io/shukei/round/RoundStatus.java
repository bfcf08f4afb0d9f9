package io.shukei.round;

import io.shukei.people.Labelled;

public enum RoundStatus implements Labelled {
    OPEN("受付中", "Open"),
    CLOSED("締切済み", "Closed");

    private final String ja;
    private final String en;

    RoundStatus(String ja, String en) {
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
