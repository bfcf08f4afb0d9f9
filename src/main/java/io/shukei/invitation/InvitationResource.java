package io.shukei.invitation;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.shukei.export.Downloads;
import io.shukei.export.LiveDownloads;
import io.shukei.export.Negotiation;
import io.shukei.export.TableFormat;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.http.ShowsSecretOnce;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rounds/{roundId}")
@Tag(name = "Invitations", description = "Personal links with which department heads answer in a browser")
public class InvitationResource {

    private static final String INVITATION_EXAMPLE = """
            {"id":31,"roundId":7,"unitId":4,"unitCode":"sales","unitName":"営業部","parentName":"東京本社",
             "email":"eigyo-bucho@example.co.jp","state":"ANSWER",
             "url":"https://shukei.example.co.jp/i/4bV0l7cV2Yx1m8Qp0ZkT3uN9rJ6sWc5dHf2gAe8KqLw",
             "createdAt":"2026-04-01T09:00:00Z","issuedAt":"2026-04-01T09:00:00Z","revokedAt":null,
             "mailedAt":null,"mailError":null}""";
    private static final String LISTED_EXAMPLE = """
            {"items":[{"id":31,"roundId":7,"unitId":4,"unitCode":"sales","unitName":"営業部","parentName":"東京本社",
             "email":"eigyo-bucho@example.co.jp","state":"ANSWER","url":null,"createdAt":"2026-04-01T09:00:00Z",
             "issuedAt":"2026-04-01T09:00:00Z","revokedAt":null,"mailedAt":"2026-04-01T09:00:02Z","mailError":null}],
             "page":0,"size":50,"totalItems":1,"totalPages":1}""";
    private static final String CSV_EXAMPLE = """
            invitation_id,round_id,unit_id,unit_code,unit_name,parent_name,email,state,url,issued_at,revoked_at,mailed_at
            31,7,4,sales,営業部,東京本社,eigyo-bucho@example.co.jp,ANSWER,https://shukei.example.co.jp/i/4bV0l7cV2Yx1m8Qp0ZkT3uN9rJ6sWc5dHf2gAe8KqLw,2026-04-01T09:00:00Z,,
            """;

    private final InvitationService service;
    private final LiveDownloads downloads;

    InvitationResource(InvitationService service, LiveDownloads downloads) {
        this.service = service;
        this.downloads = downloads;
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV})
    @Operation(operationId = "createInvitations", summary = "Make personal answer links for a round's participants",
            description = "Each link opens the answer page of one unit's sheet in this round (GET /i/{secret}), answers "
                    + "while the round is open and shows the sheet read-only for a while after it closes. The links are in "
                    + "this answer only (as JSON, or as CSV for a mail merge with Accept: text/csv): the service keeps "
                    + "just their hashes. Where the service sends mail, a link with an address is mailed to it, and "
                    + "reminded before the due date. Without a body (or without participants) every participant in your "
                    + "scope that has no usable link gets one.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "two units",
            value = "{\"participants\":[{\"unitId\":4,\"email\":\"eigyo-bucho@example.co.jp\"},{\"unitId\":5}]}")))
    @APIResponse(responseCode = "201", description = "Created; each item's `url` is shown this once",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationBatch.class),
                            examples = @ExampleObject(name = "links", value = "{\"items\":[" + INVITATION_EXAMPLE + "]}")),
                    @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @ShowsSecretOnce
    public Response create(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @Valid InvitationRequests.Create body,
                           @Context HttpHeaders headers, @Context UriInfo uri) {
        TableFormat format = Negotiation.choose(TableFormat.class, null, headers.getAcceptableMediaTypes());
        List<InvitationResponse> made = service.create(roundId, body, uri.getBaseUri().toString());
        Response.ResponseBuilder response = Response.created(URI.create("/api/v1/rounds/" + roundId + "/invitations"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        return format == TableFormat.JSON ? response.entity(new InvitationBatch(made)).type(MediaType.APPLICATION_JSON).build()
                : csv(response, made, "invitations-round-" + roundId + "-links.csv");
    }

    @GET
    @Path("invitations")
    @Produces({MediaType.APPLICATION_JSON, Downloads.CSV})
    @Operation(operationId = "listInvitations", summary = "A round's invitations in your scope, without their links",
            description = "Revoked and replaced ones too, newest link of each unit first. JSON is paged; CSV holds them all. "
                    + "A client program downloads the CSV with listInvitationsCsv, which answers that one media type.")
    @APIResponse(responseCode = "200", description = "The invitations",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationPage.class),
                            examples = @ExampleObject(name = "page", value = LISTED_EXAMPLE)),
                    @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response list(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                         @Parameter(description = "Overrides Accept", schema = @Schema(enumeration = {"json", "csv"}))
                         @QueryParam("format") String format,
                         @Valid @BeanParam PageParams paging, @Context HttpHeaders headers, @Context Request request) {
        TableFormat chosen = Negotiation.choose(TableFormat.class, format, headers.getAcceptableMediaTypes());
        if (chosen == TableFormat.JSON) {
            Page<InvitationResponse> page = service.list(roundId, paging);
            return Response.ok(page, MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return listCsv(roundId, request);
    }

    @GET
    @Path("invitations.csv")
    @Produces(Downloads.CSV)
    @Operation(operationId = "listInvitationsCsv", summary = "A round's invitations in your scope as one CSV file",
            description = "The CSV of listInvitations, without links (they are shown once, when made or renewed). "
                    + "The same file as listInvitations with Accept: text/csv.")
    @APIResponse(responseCode = "200", description = "The CSV file, named in Content-Disposition", content = @Content(
            mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response listCsv(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId,
                            @Context Request request) {
        String name = "invitations-round-" + roundId + ".csv";
        // Sent as it is read: a round of an association has a link or more for each of 100,000 units.
        LiveDownloads.Live<Void> csv = downloads.start((started, out) ->
                InvitationCsv.writer(each -> service.each(roundId, () -> started.accept(null), each)).writeTo(out));
        return csv.body().into(Response.ok().type(Downloads.CSV_UTF8).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header("Content-Disposition", Downloads.attachment(name, name)), "HEAD".equals(request.getMethod())).build();
    }

    @POST
    @Path("invitations/{invitationId}/renew")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renewInvitation", summary = "A new link for an invitation; its old link stops working",
            description = "For a link that was lost or may have been seen by others. Mailed again where the service sends mail.")
    @APIResponse(responseCode = "200", description = "The invitation with its new `url`, shown this once",
            content = @Content(schema = @Schema(implementation = InvitationResponse.class),
                    examples = @ExampleObject(name = "invitation", value = INVITATION_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @ShowsSecretOnce
    public Response renew(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("invitationId") @Parameter(example = "31") @Min(1) @Max(Long.MAX_VALUE) long invitationId) {
        return Response.ok(service.renew(roundId, invitationId)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("invitations/{invitationId}")
    @Operation(operationId = "revokeInvitation", summary = "Revoke an invitation's link at once")
    @APIResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@PathParam("roundId") @Parameter(example = "7") @Min(1) @Max(Long.MAX_VALUE) long roundId, @PathParam("invitationId") @Parameter(example = "31") @Min(1) @Max(Long.MAX_VALUE) long invitationId) {
        service.revoke(roundId, invitationId);
    }

    private static Response csv(Response.ResponseBuilder response, List<InvitationResponse> invitations, String name) {
        return response.type(Downloads.CSV_UTF8).header("Content-Disposition", Downloads.attachment(name, name))
                .entity(InvitationCsv.write(invitations)).build();
    }

    /** The links just made. */
    @Schema(name = "InvitationBatch")
    public record InvitationBatch(List<InvitationResponse> items) {
    }

    @Schema(name = "InvitationPage")
    static final class InvitationPage {
        public List<InvitationResponse> items;
        public int page;
        public int size;
        public long totalItems;
        public int totalPages;
    }
}
