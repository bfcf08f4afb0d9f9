package io.shukei.action;

import io.shukei.catalog.Catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The SECURITY ACTION levels an organisation can declare, and NONE before the first. */
@Schema(name = "SecurityActionLevel")
enum Level {
    NONE("なし", "None"),
    ONE_STAR("一つ星", "One star"),
    TWO_STARS("二つ星", "Two stars");

    private final String ja;
    private final String en;

    Level(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    Catalog.Text label() {
        return new Catalog.Text(ja, en);
    }
}
