package io.shukei.json;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every string, date and timestamp of every request body is one the database stores as sent ({@link Storable}):
 * anything else is refused by name (400, {@link JsonRefusal}) while the body is read, before a resource runs.
 */
@Singleton
class StorableValues implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register Jackson's time module: the module registered last wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("shukei-storable-values")
                .addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance, Storable::text))
                .addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        Storable::date))
                .addDeserializer(OffsetDateTime.class, new Checked<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME,
                        Storable::timestamp)));
    }

    /** Reads with Jackson's own deserializer of the type, then refuses a value the rule finds fault with. */
    private static final class Checked<T> extends StdDeserializer<T> {

        private final JsonDeserializer<? extends T> reader;
        private final java.util.function.Function<T, String> rule;

        Checked(Class<T> type, JsonDeserializer<? extends T> reader, java.util.function.Function<T, String> rule) {
            super(type);
            this.reader = reader;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = reader.deserialize(parser, context);
            String fault = value == null ? null : rule.apply(value);
            if (fault != null) {
                throw new JsonRefusal(parser, fault, value, handledType());
            }
            return value;
        }
    }
}
