package io.shukei.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import io.shukei.json.Storable;
import io.shukei.problem.ProblemException;

/**
 * Reads every typed query parameter (whole numbers, true/false, timestamps), and answers a value that is not
 * of its type with a 400 problem naming the parameter. Without it JAX-RS answers such a request 404, as if the
 * resource did not exist. Path parameters keep that 404: a path that names nothing is not found.
 */
@Provider
class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        Function<String, Object> parser = name == null ? null : parser(rawType);
        if (parser == null) {
            return null;
        }
        String parameter = name;
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                try {
                    return (T) parser.apply(value);
                } catch (Refused refused) {
                    throw new BadRequestException(ProblemException.invalid(parameter, refused.getMessage()));
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static Function<String, Object> parser(Class<?> type) {
        if (type == long.class || type == Long.class) {
            return v -> number(v, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == int.class || type == Integer.class) {
            return v -> (int) number(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return QueryParamConverters::bool;
        }
        if (type == OffsetDateTime.class) {
            return QueryParamConverters::timestamp;
        }
        return null;
    }

    private static long number(String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw new Refused(max == Long.MAX_VALUE ? "must be a whole number" : "must be a whole number from " + min + " to " + max);
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Refused("must be true or false");
        };
    }

    private static OffsetDateTime timestamp(String value) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("must be an ISO-8601 date-time with offset, e.g. 2026-04-01T00:00:00+09:00");
        }
        String fault = Storable.timestamp(time);
        if (fault != null) {
            throw new Refused(fault);
        }
        return time;
    }

    /** A value that is not of the parameter's type; the message says what it must be. */
    private static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
