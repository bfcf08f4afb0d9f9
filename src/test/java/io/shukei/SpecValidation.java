package io.shukei;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/**
 * Validates every response a test receives against the committed openapi/openapi.yaml, so the spec
 * cannot promise what the service does not answer. Requests are not validated: many tests send
 * invalid ones on purpose. Runs before each test class, in the class loader the tests use.
 * <p>
 * Four kinds of lie it found in earlier features are reported as warnings until their owners fix
 * them (listed in the webhooks issue's note): undocumented 400/406/415 answers, nullable enums
 * declared non-nullable, Problem extensions such as currentRevision, and the oneOf of the evidence.
 */
public class SpecValidation implements QuarkusTestBeforeClassCallback {

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl("openapi/openapi.yaml")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.status.unknown", ValidationReport.Level.WARN)
                            .withLevel("validation.response.body.schema.enum", ValidationReport.Level.WARN)
                            .withLevel("validation.response.body.schema.oneOf", ValidationReport.Level.WARN)
                            .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.WARN)
                            .build())
                    .build());

    @Override
    public void beforeClass(Class<?> testClass) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
