package io.shukei.people;

import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** Template extensions for multi-line text. */
@TemplateExtension
final class Lines {

    private Lines() {
    }

    /** {text.lines}: the text's lines, so that a template can break them (each line is escaped on its own). */
    static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\r\n|\r|\n", -1));
    }
}
