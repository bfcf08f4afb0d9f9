package io.shukei.catalog;

import java.util.List;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.QueryParams;
import io.shukei.language.Language;
import io.shukei.tally.Answer;
import io.shukei.tally.Band;
import io.shukei.tally.Part;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog")
@Tag(name = "Catalog", description = "The self-diagnosis instrument")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final Catalog catalog;

    CatalogResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(operationId = "getCatalog", summary = "The 25 questions, 3 parts and 4 answers with their points, and IPA's bands",
            description = "Japanese texts are IPA's own wording. English texts are an unofficial translation. "
                    + "Each part comes with what the sheet says of it; "
                    + "bands gives IPA's table of totals (range) with its interpretation, and displayRule how totals are shown beside them "
                    + "(two decimals, never rounded across a band threshold). "
                    + "Accept-Language (or lang) picks the primary `text`/`title`/`label`; both languages are always in `texts`/`titles`/`labels`.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogResponse.class),
                    examples = @ExampleObject(name = "ja", value = CatalogResponse.EXAMPLE)))
    public Response get(@Parameter(description = "Overrides Accept-Language", schema = @Schema(enumeration = {"ja", "en"}))
                        @QueryParam("lang") String lang,
                        @Parameter(description = "ja or en, with q-values", example = "en") @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                        @Size(max = 200) String acceptLanguage) {
        Language language = QueryParams.language(lang, acceptLanguage);
        Catalog.Definition d = catalog.definition();
        List<CatalogResponse.PartEntry> parts = Part.ALL.stream().map(p -> {
            Catalog.Text title = catalog.partTitle(p.number());
            return new CatalogResponse.PartEntry(p.number(), language.pick(title.ja(), title.en()), title,
                    catalog.partDescription(p.number()), p.firstQuestion(), p.lastQuestion(), p.maxPoints());
        }).toList();
        List<CatalogResponse.QuestionEntry> questions = d.questions().stream().map(q ->
                new CatalogResponse.QuestionEntry(q.number(), Part.of(q.number()).number(),
                        language.pick(q.text().ja(), q.text().en()), q.text())).toList();
        List<CatalogResponse.AnswerEntry> answers = java.util.Arrays.stream(Answer.values()).map(a ->
                new CatalogResponse.AnswerEntry(a, language.pick(a.labelJa(), a.labelEn()),
                        new Catalog.Text(a.labelJa(), a.labelEn()), a.points())).toList();
        List<CatalogResponse.BandEntry> bands = java.util.Arrays.stream(Band.values()).map(b -> {
            BandView view = BandView.of(b);
            return new CatalogResponse.BandEntry(b, b.threshold(), view.range(), view.situation(), view.nextStep());
        }).toList();
        CatalogResponse body = new CatalogResponse(d.id(), d.version(), language.tag(),
                language.pick(d.title().ja(), d.title().en()), d.title(), d.source(), d.translationNote(),
                parts, questions, answers, bands, CatalogResponse.DISPLAY_RULE);
        return Response.ok(body).header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
