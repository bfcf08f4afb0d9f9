package io.shukei;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two database connections (Flyway needs two at start-up) and a short wait for one, so that a test holding
 * one shows what a request does with a single connection free.
 */
public class TwoConnections implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("shukei.db.pool-max-size", "2", "shukei.db.acquisition-timeout", "1S");
    }
}
