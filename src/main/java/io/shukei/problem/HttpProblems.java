package io.shukei.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.shukei.language.Language;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The HTTP layer's own refusals (no such resource or method, media types, size) as problems. */
class HttpProblems {

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonProblems.problem(json);
        }
        if (e.getCause() instanceof ProblemException problem) {
            // A query parameter's converter (io.shukei.http) refused the value
            return ProblemExceptionMapper.response(problem, Language.EN);
        }
        int status = e.getResponse().getStatus();
        String[] kind = switch (status) {
            case 404 -> new String[] {"/problems/not-found", "Not found", "No resource at this address"};
            case 405 -> new String[] {"/problems/method-not-allowed", "Method not allowed",
                    "This resource does not support that method"};
            case 406 -> new String[] {"/problems/not-acceptable", "Not acceptable",
                    "None of the media types in Accept can be produced here"};
            case 413 -> new String[] {"/problems/payload-too-large", "Payload too large", "The body is too large"};
            case 415 -> new String[] {"/problems/unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json"};
            default -> new String[] {"/problems/http-" + status, Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request was refused"};
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(kind[0], kind[1], status, kind[2], null, null));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }
}
