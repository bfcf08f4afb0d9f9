package io.shukei;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;

/**
 * Validates every response a test receives against the committed openapi/openapi.yaml, so the spec
 * cannot promise what the service does not answer: status, headers and media types with the OpenAPI
 * validator, JSON bodies also with a JSON Schema 2020-12 validator ({@link ResponseSchemas}). Requests are
 * not validated: many tests send invalid ones on purpose. Runs before each test class, in the class loader
 * the tests use.
 */
public class SpecValidation implements QuarkusTestBeforeClassCallback {

    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForSpecificationUrl("openapi/openapi.yaml")
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private static final ResponseSchemas SCHEMAS = new ResponseSchemas(Path.of("openapi/openapi.yaml"));

    private static final Filter FILTER = (request, response, context) -> {
        Response answer = context.next(request, response);
        // A compressed body the test reads undecoded (RestAssured's decoders off) is not JSON to the
        // validator; such a test decompresses and checks it itself.
        boolean undecoded = answer.header("Content-Encoding") != null
                && request.getConfig().getDecoderConfig().contentDecoders().isEmpty();
        if (!undecoded) {
            ValidationReport report = CONTRACT.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
            if (report.hasErrors()) {
                throw new OpenApiValidationFilter.OpenApiValidationException(report);
            }
            List<String> violations = SCHEMAS.violations(request.getMethod(),
                    URI.create(request.getURI()).getPath(), answer.statusCode(), answer.contentType(),
                    answer.asString());
            if (!violations.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + request.getURI() + " -> " + answer.statusCode()
                        + ": the body does not match openapi/openapi.yaml (JSON Schema 2020-12): " + violations);
            }
        }
        return answer;
    };

    @Override
    public void beforeClass(Class<?> testClass) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
