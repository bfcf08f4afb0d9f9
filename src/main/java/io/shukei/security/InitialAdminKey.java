package io.shukei.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh embedded installation its first administrator: without SHUKEI_BOOTSTRAP_ADMIN_KEY the
 * first start writes a global admin key to a file in the data directory and logs the file's path
 * (never the key).
 */
@ApplicationScoped
class InitialAdminKey {

    private static final Logger LOG = Logger.getLogger(InitialAdminKey.class);

    void onStart(@Observes StartupEvent event, ApiKeyService keys,
                 @ConfigProperty(name = "shukei.embedded-db.active-dir") Optional<String> embeddedDir,
                 @ConfigProperty(name = "shukei.bootstrap-admin-key") Optional<String> bootstrapKey) throws IOException {
        if (embeddedDir.isEmpty() || bootstrapKey.filter(k -> !k.isBlank()).isPresent()) {
            return;
        }
        keys.createInitialAdminKey(Path.of(embeddedDir.get()).resolve("shukei-admin-key.txt"))
                .ifPresent(file -> LOG.infof("Created the first admin API key; it is in %s (readable only by its owner)", file));
    }
}
