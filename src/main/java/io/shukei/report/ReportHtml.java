package io.shukei.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import io.shukei.catalog.Catalog;
import io.shukei.export.FileBody;
import io.shukei.people.Audience;

/**
 * The report as one printable HTML document (templates/ReportHtml/report.html). Everything is inline (CSS, SVG)
 * and there is no script and no external reference, so the file can be mailed, archived or printed to PDF as it
 * is. The template is written fragment by fragment, the unit and heatmap rows one at a time, into a file: a round
 * of 10,000 units makes about 20 MB of HTML, never on the heap whole.
 */
@ApplicationScoped
class ReportHtml {

    private final Template template;
    private final Advice advice;
    private final Catalog catalog;

    ReportHtml(@Location("ReportHtml/report.html") Template template, Advice advice, Catalog catalog) {
        this.template = template;
        this.advice = advice;
        this.catalog = catalog;
    }

    FileBody.Writer write(ReportDocument document, Audience audience) {
        ReportPage page = new ReportPage(document.report(), document.organisationName(), advice, catalog);
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            render(writer, fragment("opening", page, audience));
            for (ReportPage.Finding finding : page.findings()) {
                render(writer, fragment("finding", page, audience).data("finding", finding));
            }
            render(writer, fragment("plan", page, audience));
            document.sheets().forEach(line -> render(writer, fragment("unit", page, audience).data("unit", line.unit())));
            render(writer, fragment("signoff", page, audience));
            String[] site = {null};
            document.sheets().forEach(line -> {
                if (line.site() != null && !Objects.equals(line.site(), site[0])) {
                    render(writer, fragment("site", page, audience).data("site", line.site()));
                }
                site[0] = line.site();
                render(writer, fragment("heat", page, audience).data("row", ReportPage.HeatRow.of(line)));
            });
            render(writer, fragment("closing", page, audience));
            writer.flush();
        };
    }

    private TemplateInstance fragment(String id, ReportPage page, Audience audience) {
        return template.getFragment(id).data("page", page).data("a", audience);
    }

    private static void render(Writer writer, TemplateInstance instance) {
        instance.consume(chunk -> {
            try {
                writer.write(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toCompletableFuture().join();
    }
}
