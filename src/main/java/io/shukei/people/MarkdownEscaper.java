package io.shukei.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;

/**
 * The template engine's escaping for Markdown templates (*.md, text/markdown), as it escapes HTML in HTML
 * templates: every value a Markdown template writes is plain text ({@link MarkdownText}), unless it is a
 * {@link RawString}.
 */
@ApplicationScoped
class MarkdownEscaper {

    static final String MEDIA_TYPE = "text/markdown";

    void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new ResultMapper() {
            @Override
            public boolean appliesTo(TemplateNode.Origin origin, Object result) {
                return !(result instanceof RawString)
                        && origin.getVariant().map(v -> MEDIA_TYPE.equals(v.getMediaType())).orElse(false);
            }

            @Override
            public String map(Object result, Expression expression) {
                return MarkdownText.escape(result.toString());
            }
        });
    }
}
