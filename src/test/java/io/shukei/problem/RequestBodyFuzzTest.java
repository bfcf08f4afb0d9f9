package io.shukei.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.CharConversionException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.json.ServiceJson;
import io.shukei.json.Storable;

/**
 * Whatever bytes arrive as a request body, of any operation, the service's reading of them either refuses
 * them as a 400 problem or yields a body whose every text, date and timestamp can be stored as sent; Bean
 * Validation then judges it without failing. Anything else (an exception of another kind) would be a 500.
 * Seeds: one valid body per type in RequestBodyFuzzTestInputs (the JSON, then one byte choosing the type).
 */
class RequestBodyFuzzTest {

    /** Every request body type, in the order the last byte of an input chooses from. */
    private static final List<Class<?>> BODIES = List.of(
            type("io.shukei.unit.UnitRequests$Create"), type("io.shukei.unit.UnitRequests$Patch"),
            type("io.shukei.round.RoundRequests$Create"), type("io.shukei.round.RoundRequests$Patch"),
            type("io.shukei.round.RoundRequests$Participants"), type("io.shukei.submission.SubmissionRequest"),
            type("io.shukei.security.ApiKeyRequests$Create"), type("io.shukei.webhook.WebhookRequests$Create"),
            type("io.shukei.webhook.WebhookRequests$Patch"), type("io.shukei.action.ActionRequests$Commit"),
            type("io.shukei.action.ActionRequests$Publish"), type("io.shukei.action.ActionRequests$PolicyPut"));

    private static final ObjectMapper MAPPER = ServiceJson.mapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A request body type moved: " + name, e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void everyBodyIsReadStorablyOrRefusedWithA400(FuzzedDataProvider data) throws IOException {
        Class<?> type = BODIES.get(data.consumeInt(0, BODIES.size() - 1));
        byte[] body = data.consumeRemainingAsBytes();
        Object read;
        try {
            read = MAPPER.readValue(body, type);
        } catch (JsonProcessingException refused) {
            Response answer = JsonProblems.problem(refused);
            assertEquals(400, answer.getStatus(), () -> type.getSimpleName() + ": " + refused);
            return;
        } catch (CharConversionException undecodable) {
            assertEquals(400, JsonProblems.problem(undecodable).getStatus());
            return;
        }
        assertStorable(type.getSimpleName(), read);
        if (read != null) {
            VALIDATOR.validate(read);
        }
    }

    /** Every text, date and timestamp in the value, through records, lists and maps, is one the database keeps as is. */
    private static void assertStorable(String at, Object value) {
        if (value instanceof String text) {
            assertNull(Storable.text(text), at);
        } else if (value instanceof LocalDate date) {
            assertNull(Storable.date(date), at);
        } else if (value instanceof OffsetDateTime time) {
            assertNull(Storable.timestamp(time), at);
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> assertStorable(at + "[]", item));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertStorable(at + ".key", k);
                assertStorable(at + "." + k, v);
            });
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    assertStorable(at + "." + component.getName(), accessor.invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
