package io.shukei.problem;

import static io.shukei.problem.ProblemExceptionMapper.response;

import java.io.CharConversionException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.shukei.json.JsonRefusal;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A body that is not JSON, or not of the expected shape: malformed JSON, or the field that is wrong and why. */
class JsonProblems {

    /** Declared apart so that it wins over Quarkus' own mapper of this type. */
    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e) {
        return problem(e);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        return problem(e);
    }

    /**
     * A body whose bytes are no text in the encoding Jackson detected from its first bytes (JSON allows UTF-8, -16
     * and -32): the bytes cannot be read at all, so the body is malformed like any other that is not JSON.
     */
    @ServerExceptionMapper
    Response undecodable(CharConversionException e) {
        return problem(e);
    }

    static Response problem(CharConversionException e) {
        return response(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                "The body is not text in UTF-8 (nor in UTF-16 or UTF-32)", null, null));
    }

    /** The problem for a body Jackson could not read (also when it surfaced wrapped, as the cause of another). */
    static Response problem(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            String detail = parse.getOriginalMessage().startsWith("Duplicate field")
                    ? "The JSON body names a field twice"
                    : "The body is not well-formed JSON";
            var location = parse.getLocation();
            if (location != null && location.getLineNr() > 0) {
                detail += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
            return response(new Problem("/problems/malformed-json", "Malformed JSON", 400, detail, null, null));
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return problem(parse);
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input")) {
            return response(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                    "The body ends before the JSON document is complete", null, null));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return response(ProblemException.invalid(jsonPath(mapping), messageFor(mapping)).toProblem());
        }
        return response(new Problem("/problems/malformed-json", "Malformed JSON", 400,
                "The body is empty or not a JSON document of the expected shape", null, null));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof JsonRefusal refusal) {
            return refusal.reason();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : invalid.getTargetType().getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "must be one of " + String.join(", ", names);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has the wrong type or value";
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number in range";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the listed codes";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 date";
        }
        return "an object of the documented shape";
    }
}
