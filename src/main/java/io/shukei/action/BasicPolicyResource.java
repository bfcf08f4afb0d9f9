package io.shukei.action;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.http.ETags;
import io.shukei.language.Language;
import io.shukei.people.Audience;
import io.shukei.people.Audiences;
import io.shukei.problem.ProblemException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units/{id}/basic-policy")
@Tag(name = "SecurityAction")
public class BasicPolicyResource {

    static final String MARKDOWN = "text/markdown";
    private static final MediaType MARKDOWN_TYPE = MediaType.valueOf(MARKDOWN);
    /** In order of preference when the client accepts several. */
    private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON_TYPE, MARKDOWN_TYPE, MediaType.TEXT_HTML_TYPE);

    private static final String POLICY_EXAMPLE = """
            {"organisationId":1,"version":1,"currentVersion":1,"title":"情報セキュリティ基本方針","companyName":"株式会社アクメ",
             "representativeTitle":"代表取締役社長","representativeName":"山田太郎","enactedOn":"2026-04-01",
             "preamble":"株式会社アクメ(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、お客様ならびに社会の信頼に応えるべく、以下の方針に基づき全社で情報セキュリティに取組みます。",
             "sections":[{"number":1,"heading":"経営者の責任","text":"当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。"},
                         {"number":2,"heading":"社内体制の整備","text":"当社は、情報セキュリティの維持および改善のために組織を設置し、情報セキュリティ対策を社内の正式な規則として定めます。"},
                         {"number":3,"heading":"従業員の取組み","text":"当社の従業員は、情報セキュリティのために必要とされる知識、技術を習得し、情報セキュリティへの取組みを確かなものにします。"},
                         {"number":4,"heading":"法令および契約上の要求事項の遵守","text":"当社は、情報セキュリティに関わる法令、規制、規範、契約上の義務を遵守するとともに、お客様の期待に応えます。"},
                         {"number":5,"heading":"違反および事故への対応","text":"当社は、情報セキュリティに関わる法令違反、契約違反および事故が発生した場合には適切に対処し、再発防止に努めます。"}],
             "createdAt":"2026-04-01T00:00:00Z"}""";
    private static final String MARKDOWN_EXAMPLE = """
            # 情報セキュリティ基本方針

            株式会社アクメ(以下、当社)は、お客様からお預かりした情報資産を事故・災害・犯罪等の脅威から守り、…

            ## 1.経営者の責任

            当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。

            制定日:2026年4月1日

            株式会社アクメ

            代表取締役社長 山田太郎
            """;

    private final BasicPolicyService service;
    private final Audiences audiences;

    BasicPolicyResource(BasicPolicyService service, Audiences audiences) {
        this.service = service;
        this.audiences = audiences;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putBasicPolicy", summary = "Set the organisation's 情報セキュリティ基本方針; every change is a new version",
            description = "Starts from IPA's sample: with only the company, the representative and the date of enactment, "
                    + "the policy is the sample's preamble and five items. Give `preamble` and/or `sections` to edit them; "
                    + "what is omitted comes from the sample again (a PUT states the whole policy). First version: 201. "
                    + "A change: 200 and a new version. The same policy again: 200 with the existing version. "
                    + "Send If-Match with the ETag you read to refuse the write when someone else changed the policy first.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ActionRequests.PolicyPut.class), examples = {
            @ExampleObject(name = "sample", value = "{\"companyName\":\"株式会社アクメ\",\"representativeTitle\":\"代表取締役社長\","
                    + "\"representativeName\":\"山田太郎\",\"enactedOn\":\"2026-04-01\"}"),
            @ExampleObject(name = "edited", value = "{\"companyName\":\"株式会社アクメ\",\"representativeTitle\":\"代表取締役社長\","
                    + "\"representativeName\":\"山田太郎\",\"enactedOn\":\"2027-04-01\",\"sections\":["
                    + "{\"heading\":\"経営者の責任\",\"text\":\"当社は、経営者主導で組織的かつ継続的に情報セキュリティの改善・向上に努めます。\"},"
                    + "{\"heading\":\"委託先の管理\",\"text\":\"当社は、業務の委託先にも当社と同等の情報セキュリティ対策を求めます。\"}]}")}))
    @APIResponse(responseCode = "200", description = "Stored as a new version, or unchanged; ETag is the version",
            content = @Content(schema = @Schema(implementation = BasicPolicyResponse.class),
                    examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The organisation's first policy; Location names it",
            content = @Content(schema = @Schema(implementation = BasicPolicyResponse.class),
                    examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response put(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The revision the change is based on", example = "\"3\"")
                        @Size(max = 100) String ifMatch,
                        @Valid @NotNull ActionRequests.PolicyPut body) {
        BasicPolicyService.Outcome outcome = service.put(id, body, ifMatch);
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(URI.create("/api/v1/units/" + id + "/basic-policy"))
                : Response.ok();
        return response.entity(outcome.policy()).tag(etag(outcome.policy())).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML})
    @Operation(operationId = "getBasicPolicy", summary = "The basic policy as JSON, Markdown or a printable HTML page",
            description = "The format follows `format` if given, else Accept (JSON when anything goes). "
                    + "The HTML page is self-contained and in Japanese, laid out like IPA's sample.")
    @APIResponse(responseCode = "200", description = "The policy in force, or the version asked for; ETag is its version",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BasicPolicyResponse.class),
                            examples = @ExampleObject(name = "policy", value = POLICY_EXAMPLE)),
                    @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "markdown", value = MARKDOWN_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "html", value = "<!DOCTYPE html>\n<html lang=\"ja\">…<h1>情報セキュリティ基本方針</h1>…</html>"))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response get(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id,
                        @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"json", "markdown", "html"}))
                        @QueryParam("format") String format,
                        @Parameter(description = "An earlier version; defaults to the one in force", example = "1",
                                schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "2147483647"))
                        @QueryParam("version") String version,
                        @Context HttpHeaders headers) {
        MediaType type = chosen(format, headers.getAcceptableMediaTypes());
        BasicPolicyResponse policy = service.get(id, versionNumber(version));
        Audience japanese = audiences.of(Language.JA);
        Object entity = type == MediaType.APPLICATION_JSON_TYPE ? policy
                : type == MARKDOWN_TYPE ? PolicyDocument.markdown(policy, japanese) : PolicyDocument.html(policy, japanese);
        String contentType = type == MediaType.APPLICATION_JSON_TYPE ? MediaType.APPLICATION_JSON : type + ";charset=UTF-8";
        return Response.ok(entity, contentType).tag(etag(policy)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private static MediaType chosen(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            return switch (format) {
                case "json" -> MediaType.APPLICATION_JSON_TYPE;
                case "markdown" -> MARKDOWN_TYPE;
                case "html" -> MediaType.TEXT_HTML_TYPE;
                default -> throw ProblemException.invalid("format", "must be json, markdown or html");
            };
        }
        for (MediaType wanted : acceptable) {
            for (MediaType offered : OFFERED) {
                if (wanted.isCompatible(offered)) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    private static Integer versionNumber(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(version);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other unusable value
        }
        throw ProblemException.invalid("version", "must be a whole number from 1");
    }

    private static EntityTag etag(BasicPolicyResponse policy) {
        return EntityTag.valueOf(ETags.of(policy.version()));
    }
}
