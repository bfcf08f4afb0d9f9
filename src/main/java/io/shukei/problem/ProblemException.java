package io.shukei.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shukei.language.Language;

/** A refusal that the API reports as problem+json; thrown from services, mapped in one place. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String detailJa;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "/problems/not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        return new ProblemException(400, "/problems/validation", "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(409, type, title, detail, null);
    }

    public static ProblemException unprocessable(String type, String title, String detail) {
        return new ProblemException(422, type, title, detail, null);
    }

    /** Nothing was done and the same request may succeed shortly (503 with Retry-After). */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "/problems/service-unavailable", "Service unavailable", detail, null)
                .withHeader("Retry-After", "5");
    }

    /** The detail for a client that asks for Japanese (lang=ja, or Accept-Language preferring ja). */
    public ProblemException inJapanese(String detail) {
        detailJa = detail;
        return this;
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** A response header to send with the problem (for example WWW-Authenticate). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return toProblem(Language.EN);
    }

    /** The problem in the language asked for; English where no Japanese detail was given. */
    public Problem toProblem(Language language) {
        String detail = language == Language.JA && detailJa != null ? detailJa : getMessage();
        return new Problem(type, title, status, detail, errors, extensions.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(extensions)));
    }

    public int status() {
        return status;
    }
}
