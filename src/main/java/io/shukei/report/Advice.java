package io.shukei.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.catalog.Catalog;
import io.shukei.tally.Part;

/**
 * What to do about each question, and about a わからない answer, in both languages; the human forms of the report show
 * it beside the questions to improve and the questions to find out.
 */
@ApplicationScoped
public class Advice {

    private static final String RESOURCE = "/catalog/advice.json";

    private final Definition definition;

    Advice(ObjectMapper mapper) {
        try (InputStream in = Advice.class.getResourceAsStream(RESOURCE)) {
            this.definition = mapper.readValue(in, Definition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Advice resource unreadable", e);
        }
        if (definition.advice().size() != Part.QUESTIONS) {
            throw new IllegalStateException("Advice must cover every question");
        }
    }

    public Catalog.Text forQuestion(int number) {
        Entry entry = definition.advice().get(number - 1);
        return new Catalog.Text(entry.ja(), entry.en());
    }

    public Catalog.Text note() {
        return definition.note();
    }

    /** What to do about a わからない answer: find out, then answer again. */
    Catalog.Text unknown() {
        return definition.unknown();
    }

    record Definition(Catalog.Text note, Catalog.Text unknown, List<Entry> advice) {
    }

    record Entry(int question, String ja, String en) {
    }
}
