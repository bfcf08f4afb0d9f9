package io.shukei.db;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.inject.Singleton;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The first connection of a start is the migration's: it waits here until the embedded PostgreSQL, started
 * beside Quarkus' boot (ShukeiMain), answers. With a database given by URL there is nothing to wait for.
 */
@Singleton
class EmbeddedDatabaseGate implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        try {
            EmbeddedDatabaseHolder.awaitStart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
