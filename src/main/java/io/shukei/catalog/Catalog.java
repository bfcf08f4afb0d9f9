package io.shukei.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.people.Labelled;

/**
 * The instrument: IPA's 25 questions in its own Japanese wording, the project's unofficial English,
 * and the three parts. Loaded once from the classpath; a new edition is a new file and version.
 */
@ApplicationScoped
public class Catalog {

    private static final String RESOURCE = "/catalog/ipa-5min-self-diagnosis.json";

    private final Definition definition;

    Catalog(ObjectMapper mapper) {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            this.definition = mapper.readValue(in, Definition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Catalog resource unreadable", e);
        }
    }

    public String id() {
        return definition.id();
    }

    public String version() {
        return definition.version();
    }

    public Definition definition() {
        return definition;
    }

    public Text question(int number) {
        return definition.questions().get(number - 1).text();
    }

    public Text partTitle(int number) {
        return definition.parts().get(number - 1).title();
    }

    /** What the sheet says of the part (IPA's wording, as the seed reproduces it). */
    public Text partDescription(int number) {
        return definition.parts().get(number - 1).description();
    }

    /** A text in both languages; English is the project's own, unofficial translation. */
    public record Text(String ja, String en) implements Labelled {
    }

    public record Definition(String id, String version, Text title, String source, Text translationNote,
                             List<PartText> parts, List<QuestionText> questions) {
    }

    public record PartText(int number, Text title, Text description) {
    }

    public record QuestionText(int number, Text text) {
    }
}
