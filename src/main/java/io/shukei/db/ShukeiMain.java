package io.shukei.db;

import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.shukei.config.ShukeiConfig;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;

/**
 * Starts the embedded PostgreSQL before Quarkus when no datasource URL is configured, so that one
 * command runs the whole service on a machine that has nothing but a JDK.
 */
@QuarkusMain
public class ShukeiMain {

    public static void main(String... args) throws Exception {
        SmallRyeConfig config;
        try {
            config = config();
        } catch (ConfigValidationException e) {
            // Straight to stderr: logging is not set up before Quarkus starts, and a logger here prints nothing.
            System.err.println("Shukei cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent()) {
            Quarkus.run(args);
            return;
        }
        ShukeiConfig.EmbeddedDb embedded = config.getConfigMapping(ShukeiConfig.class).embeddedDb();
        if (!embedded.enabled()) {
            System.err.println("Shukei cannot start: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL, "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD (the embedded database is disabled "
                    + "by SHUKEI_EMBEDDED_DB_ENABLED=false).");
            System.exit(2);
        }
        EmbeddedDatabase.Launch launch = EmbeddedDatabase.prepare(Path.of(embedded.dir()), embedded.port());
        System.setProperty("quarkus.datasource.jdbc.url", launch.jdbcUrl());
        System.setProperty("quarkus.datasource.username", launch.username());
        System.setProperty("quarkus.datasource.password", launch.password());
        System.setProperty("shukei.embedded-db.active-dir", launch.dataDirectory().toString());
        // The server starts while Quarkus boots (about half a second less to ready): the migration at start
        // waits for it (EmbeddedDatabaseGate) before the first connection. Without that migration nothing
        // would wait, and unpacking the binaries (a first start on a machine) beside the boot would leave
        // the heap little room: then the server is started first.
        boolean migrates = config.getOptionalValue("quarkus.flyway.migrate-at-start", Boolean.class).orElse(false);
        EmbeddedDatabaseHolder.hold(launch, migrates && launch.binariesUnpacked());
        Quarkus.run(args);
    }

    /**
     * The configuration as Quarkus will read it, before Quarkus runs: system properties, environment variables,
     * a .env file and config/application.properties in the working directory, then application.properties and
     * microprofile-config.properties on the class path, under the active profile.
     */
    static SmallRyeConfig config() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ConfigUtils.emptyConfigBuilder()
                .withSources(new DotEnvConfigSourceProvider())
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        Path.of("config", "application.properties").toAbsolutePath().toUri().toString(), 260, loader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, loader))
                .withMapping(ShukeiConfig.class)
                .build();
    }
}
