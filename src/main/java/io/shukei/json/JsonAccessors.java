package io.shukei.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Jackson reads and writes properties through generated lambdas (Blackbird) instead of reflective
 * calls: a reflective call boxes every primitive it returns, and a report over 10,000 units writes
 * some 100,000 record components.
 */
@Singleton
class JsonAccessors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
