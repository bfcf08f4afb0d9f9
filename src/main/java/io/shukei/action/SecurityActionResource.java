package io.shukei.action;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.shukei.language.Language;
import io.shukei.people.Audiences;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/units/{id}/security-action")
@Tag(name = "SecurityAction")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityActionResource {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String STATUS_EXAMPLE = """
            {"organisationId":1,"organisationName":"株式会社アクメ","declarableLevel":"ONE_STAR",
             "declarableLevelLabel":{"ja":"一つ星","en":"One star"},
             "statement":{"ja":"一つ星を宣言できます。宣言した後は「一つ星を宣言しました」と表現します。",
                          "en":"The organisation can declare one star. Once declared, say \\"we have declared one star\\"."},
             "nextLevel":"TWO_STARS","missingForNextLevel":["POLICY_PUBLISHED"],
             "requirements":[
              {"code":"FIVE_PRINCIPLES_COMMITMENT","level":"ONE_STAR","met":true,
               "title":{"ja":"「情報セキュリティ5か条」に取り組むことを決めている","en":"Committed to work on the Five Principles of Information Security"},
               "evidence":{"id":3,"organisationId":1,"committedBy":"代表取締役社長 山田太郎","committedAt":"2026-04-01T00:00:00Z"},"warnings":[]},
              {"code":"SELF_DIAGNOSIS","level":"TWO_STARS","met":true,
               "title":{"ja":"「5分でできる!情報セキュリティ自社診断」で自社の状況を把握している","en":"Has assessed its situation with the 5-minute self-diagnosis"},
               "evidence":{"roundId":7,"roundTitle":"2026年度 情報セキュリティ自社診断","closedAt":"2026-06-30T08:00:00Z","score":82.00,
                           "band":{"code":"PARTLY_INSUFFICIENT","situation":{"ja":"部分的な対策が不十分","en":"Some measures are insufficient"},
                                   "nextStep":{"ja":"100点満点への挑戦","en":"Aim for a full 100 points"}},
                           "expectedUnits":3,"submittedUnits":2,"unknownAnswers":1,
                           "scoreNote":{"ja":"二つ星の宣言に点数の基準はありません。IPAは合格点を定めていません。",
                                        "en":"The two-star declaration asks for no minimum score; IPA sets no pass mark."}},
               "warnings":[{"ja":"未回答の事業所・部署があります(回答 2/3)。診断結果は組織全体の状況を表していません。",
                            "en":"Some sites or departments did not answer (2 of 3); the result does not describe the whole organisation."}]},
              {"code":"BASIC_POLICY","level":"TWO_STARS","met":true,
               "title":{"ja":"情報セキュリティ基本方針を定めている","en":"Has set a basic information security policy"},
               "evidence":{"version":1,"enactedOn":"2026-04-01","createdAt":"2026-04-01T00:00:00Z"},"warnings":[]},
              {"code":"POLICY_PUBLISHED","level":"TWO_STARS","met":false,
               "title":{"ja":"情報セキュリティ基本方針を外部に公開している","en":"Has published the basic policy"},
               "evidence":null,"warnings":[]}],
             "howToDeclare":{"ja":"SECURITY ACTIONは事業者が自ら行う自己宣言です。宣言はIPAのSECURITY ACTIONのWebサイト(https://www.ipa.go.jp/security/security-action/)で事業者自身が行います。本サービスは宣言の準備状況を示すもので、宣言そのものは行いません。",
                             "en":"SECURITY ACTION is a self-declaration made by the organisation itself. The declaration is made on IPA's own SECURITY ACTION site (https://www.ipa.go.jp/security/security-action/). This service shows how ready the organisation is; it does not make the declaration."},
             "declarationSite":"https://www.ipa.go.jp/security/security-action/","generatedAt":"2026-07-01T00:00:00Z"}""";
    private static final String COMMITMENT_EXAMPLE = """
            {"id":3,"organisationId":1,"committedBy":"代表取締役社長 山田太郎","committedAt":"2026-04-01T00:00:00Z"}""";
    private static final String PUBLICATION_EXAMPLE = """
            {"id":4,"organisationId":1,"url":"https://www.example.co.jp/security-policy","publishedOn":"2026-04-01",
             "policyVersion":1,"recordedAt":"2026-04-02T00:00:00Z"}""";

    private final SecurityActionService service;
    private final Audiences audiences;

    SecurityActionResource(SecurityActionService service, Audiences audiences) {
        this.service = service;
        this.audiences = audiences;
    }

    @GET
    @Operation(operationId = "getSecurityActionStatus", summary = "The SECURITY ACTION level an organisation can truthfully declare now",
            description = "Only for a company (a unit of kind COMPANY: at the top of its tree, or a member company of a "
                    + "group or association; a group's admin sees every member's, a member's admin its own). Each "
                    + "requirement comes with what the company recorded. The self-diagnosis counts from the latest closed "
                    + "round over the whole company (scoped to it, or to a group above it in which it took part), tallied "
                    + "at the company; IPA sets no pass mark, "
                    + "so none is applied, but incomplete coverage and わからない answers are warned about. "
                    + "The declaration itself is made on IPA's own site.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = SecurityActionResponse.class),
                    examples = @ExampleObject(name = "oneStar", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public SecurityActionResponse status(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.assess(id).status();
    }

    @POST
    @Path("commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSecurityActionCommitment",
            summary = "Record the decision to work on the 情報セキュリティ5か条 (what one star asks for)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "commitment", value = "{\"committedBy\":\"代表取締役社長 山田太郎\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the record",
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class),
                    examples = @ExampleObject(name = "commitment", value = COMMITMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response commit(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull ActionRequests.Commit body) {
        CommitmentResponse created = service.commit(id, body);
        return Response.created(URI.create("/api/v1/units/" + id + "/security-action/commitments/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("commitments/{commitmentId}")
    @Operation(operationId = "getSecurityActionCommitment", summary = "One recorded commitment to the 情報セキュリティ5か条")
    @APIResponse(responseCode = "200", description = "The commitment",
            content = @Content(schema = @Schema(implementation = CommitmentResponse.class),
                    examples = @ExampleObject(name = "commitment", value = COMMITMENT_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public CommitmentResponse commitment(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id, @PathParam("commitmentId") @Parameter(example = "3") @Min(1) @Max(Long.MAX_VALUE) long commitmentId) {
        return service.commitment(id, commitmentId);
    }

    @POST
    @Path("publication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPolicyPublication", summary = "Record where and when the basic policy in force was published",
            description = "The service records what the organisation states; it does not fetch the page.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "publication",
            value = "{\"url\":\"https://www.example.co.jp/security-policy\",\"publishedOn\":\"2026-04-01\"}")))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the latest publication",
            content = @Content(schema = @Schema(implementation = PublicationResponse.class),
                    examples = @ExampleObject(name = "publication", value = PUBLICATION_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public Response publish(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id, @Valid @NotNull ActionRequests.Publish body) {
        PublicationResponse created = service.publish(id, body);
        return Response.created(URI.create("/api/v1/units/" + id + "/security-action/publication")).entity(created).build();
    }

    @GET
    @Path("publication")
    @Operation(operationId = "getPolicyPublication", summary = "The latest recorded publication of the basic policy")
    @APIResponse(responseCode = "200", description = "The publication",
            content = @Content(schema = @Schema(implementation = PublicationResponse.class),
                    examples = @ExampleObject(name = "publication", value = PUBLICATION_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public PublicationResponse publication(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return service.publication(id);
    }

    @GET
    @Path("evidence")
    @Produces(HTML_UTF8)
    @Operation(operationId = "getSecurityActionEvidence",
            summary = "A printable record of the declaration status, the latest diagnosis and the policy in force",
            description = "One self-contained HTML page in Japanese for the organisation's own files, laid out for A4 "
                    + "portrait; dates and times in the service's time zone.")
    @APIResponse(responseCode = "200", description = "The evidence pack",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "pack", value = "<!DOCTYPE html>\n<html lang=\"ja\">…<h1>SECURITY ACTION 宣言の準備状況の記録</h1>…</html>")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    public String evidence(@PathParam("id") @Parameter(example = "1") @Min(1) @Max(Long.MAX_VALUE) long id) {
        return EvidencePack.html(service.assess(id), audiences.of(Language.JA));
    }
}
