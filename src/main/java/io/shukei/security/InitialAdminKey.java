package io.shukei.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.shukei.config.ShukeiConfig;

import org.jboss.logging.Logger;

/**
 * Gives a fresh embedded installation its first administrator: without SHUKEI_BOOTSTRAP_ADMIN_KEY the
 * first start writes a global admin key to a file in the data directory and logs the file's path
 * (never the key).
 */
@ApplicationScoped
class InitialAdminKey {

    private static final Logger LOG = Logger.getLogger(InitialAdminKey.class);

    void onStart(@Observes StartupEvent event, ApiKeyService keys, ShukeiConfig config) throws IOException {
        Optional<String> embeddedDir = config.embeddedDb().activeDir();
        if (embeddedDir.isEmpty() || config.bootstrapAdminKey().filter(k -> !k.isBlank()).isPresent()) {
            return;
        }
        keys.createInitialAdminKey(Path.of(embeddedDir.get()).resolve("shukei-admin-key.txt"))
                .ifPresent(file -> LOG.infof("Created the first admin API key; it is in %s (readable only by its owner)", file));
    }
}
