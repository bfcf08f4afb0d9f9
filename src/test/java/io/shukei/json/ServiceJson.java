package io.shukei.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The service's ObjectMapper without Quarkus, for tests that run outside it (fuzz tests cannot run under
 * Quarkus): the modules and settings Quarkus applies by default and through application.properties, then
 * this package's customizers in their priority order.
 */
public final class ServiceJson {

    private ServiceJson() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module()).addModule(new JavaTimeModule()).addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // quarkus.jackson.fail-on-unknown-properties=true
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        new JsonStrictness().customize(mapper);
        new JsonAccessors().customize(mapper);
        new Timestamps().customize(mapper);
        new StorableValues().customize(mapper);
        return mapper;
    }
}
