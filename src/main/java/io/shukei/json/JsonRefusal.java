package io.shukei.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A value of a request body that is well-formed JSON of the right type but cannot be accepted; {@link #reason} says why. */
public final class JsonRefusal extends InvalidFormatException {

    private final String reason;

    JsonRefusal(JsonParser parser, String reason, Object value, Class<?> type) {
        super(parser, reason, value, type);
        this.reason = reason;
    }

    /** Why the value was refused, fit to show the client (it does not repeat the value). */
    public String reason() {
        return reason;
    }
}
