package io.shukei.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses enum-valued query parameters into a 400 that lists the allowed values (JAX-RS would answer 404). */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ProblemException.invalid(field, "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
