package io.shukei.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.shukei.language.Language;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The refusals the service throws, as problems; and the one way any problem becomes a response. The other
 * mappers of this package turn every other failure into a problem too, so that no stack trace or class name
 * ever reaches a client.
 */
class ProblemExceptionMapper {

    /** In Japanese when the request asks for it (lang=ja, else Accept-Language), otherwise in English. */
    @ServerExceptionMapper
    Response problem(ProblemException e, HttpHeaders request, UriInfo uri) {
        return response(e, language(request, uri));
    }

    /** The language the request asks problems in: lang=ja, else Accept-Language, else English. */
    static Language language(HttpHeaders request, UriInfo uri) {
        return Language.preferred(uri.getQueryParameters().getFirst("lang"),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), Language.EN);
    }

    /** The refusal as a problem in the language given, with the headers it names (such as Retry-After). */
    static Response response(ProblemException e, Language language) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(language))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** The problem as it is, in English. */
    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
