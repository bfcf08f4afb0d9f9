package io.shukei.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Every setting of the service and its default, in one place: {@code shukei.*} in any configuration source
 * (environment variable {@code SHUKEI_*}, {@code .env}, system property, application.properties).
 * docs/operations.md describes each. Some are handed on to Quarkus by application.properties (the HTTP server,
 * the connection pool, shutdown, the published contract, OIDC, the log format and the webhook worker's schedule);
 * the others are read here by the classes they concern.
 */
@ConfigMapping(prefix = "shukei")
public interface ShukeiConfig {

    Http http();

    Db db();

    EmbeddedDb embeddedDb();

    /** How long SIGTERM waits for in-flight requests (quarkus.shutdown.timeout). */
    @WithDefault("30S")
    Duration shutdownTimeout();

    /** A key accepted as a global admin while set. */
    Optional<String> bootstrapAdminKey();

    Openapi openapi();

    Idempotency idempotency();

    ReportCache reportCache();

    /** The zone in which pages and files for people show dates and times, and in which a round's due date ends. */
    @WithDefault("Asia/Tokyo")
    ZoneId timeZone();

    /** Reports and submission exports built at the same time (each caller one at a time). */
    @WithDefault("1")
    int maxConcurrentBuilds();

    /** Builds one caller may have waiting for a turn; one more is refused with 429. */
    @WithDefault("8")
    int maxWaitingBuilds();

    Oidc oidc();

    Webhooks webhooks();

    Log log();

    /**
     * The address people open the service at (for example https://shukei.example.co.jp); invitation links are
     * made with it. Unset: the address the administrator's request came to.
     */
    Optional<String> publicUrl();

    Sessions sessions();

    Invitations invitations();

    Mail mail();

    RateLimit rateLimit();

    /** The HTTP server (quarkus.http.*). */
    interface Http {

        @WithDefault("8080")
        int port();

        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("30S")
        Duration idleTimeout();

        @WithDefault("1000")
        int maxConnections();

        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Largest file a unit tree import takes (CSV or xlsx); also Quarkus' own body limit. */
        @WithDefault("32M")
        MemorySize maxUploadSize();

        /**
         * Whether a reverse proxy in front of the service is trusted: its X-Forwarded-Proto tells TLS (secure
         * cookies) and its X-Forwarded-For the client's address (rate limits, audit). Off, both are ignored.
         */
        @WithDefault("false")
        boolean trustProxy();
    }

    /** The manager's pages: sign-in sessions. */
    interface Sessions {

        /** A session not used for this long ends. */
        @WithDefault("30M")
        Duration idleTimeout();

        /** A session ends this long after sign-in, used or not. */
        @WithDefault("8H")
        Duration maxAge();

        /** Sign-in attempts per client address within the window; more get 429. */
        @WithDefault("10")
        int signInAttempts();

        @WithDefault("5M")
        Duration signInWindow();
    }

    /** Personal links to a unit's answer page. */
    interface Invitations {

        /** Requests to invitation links per client address within the window; more get 429. */
        @WithDefault("60")
        int linkRequests();

        @WithDefault("1M")
        Duration linkWindow();

        /** How long after its round closed a link still shows the sheet, read-only. */
        @WithDefault("P30D")
        Duration viewAfterClose();
    }

    /** E-mail of invitations and reminders; only sent when an SMTP host is set. */
    interface Mail {

        /** The SMTP server (quarkus.mailer.host); other mailer settings are Quarkus' own (QUARKUS_MAILER_*). */
        Optional<String> host();

        @WithDefault("25")
        int port();

        @WithDefault("shukei@localhost")
        String from();

        /** Days before a round's due date on which units that have not answered are reminded. */
        @WithDefault("7,1")
        List<Integer> reminderDays();

        /** How often the service looks for reminders to send; "off" stops this instance's reminders. */
        @WithDefault("15m")
        String reminderInterval();
    }

    /** The connection pool (quarkus.datasource.jdbc.*) and the limits of each connection. */
    interface Db {

        @WithDefault("6")
        int poolMaxSize();

        @WithDefault("5S")
        Duration acquisitionTimeout();

        @WithDefault("5S")
        Duration statementTimeout();

        @WithDefault("10S")
        Duration socketTimeout();
    }

    /** The PostgreSQL the service runs itself when no datasource URL is configured. */
    interface EmbeddedDb {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("data")
        String dir();

        /** 0: a free port. */
        @WithDefault("0")
        int port();

        /** The data directory of the embedded server this process started; set by the service itself, never by hand. */
        Optional<String> activeDir();
    }

    interface Openapi {

        /** Whether /q/openapi and /q/swagger-ui are served. */
        @WithName("public")
        @WithDefault("true")
        boolean published();
    }

    interface Idempotency {

        @WithDefault("PT24H")
        Duration retention();
    }

    interface ReportCache {

        @WithDefault("16777216")
        long maxBytes();
    }

    interface Oidc {

        /** Whether bearer JWTs from the identity provider are accepted too (quarkus.oidc.tenant-enabled). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("shukei_role")
        String roleClaim();

        @WithDefault("shukei_unit")
        String unitClaim();

        /** The audience a bearer token must name (quarkus.oidc.token.audience); unset: the client id. */
        Optional<String> audience();
    }

    interface Webhooks {

        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often the worker polls; "off" stops it (the schedule of io.shukei.webhook.DeliveryWorker). */
        @WithDefault("1s")
        String pollInterval();

        @WithDefault("5S")
        Duration connectTimeout();

        @WithDefault("10S")
        Duration timeout();

        @WithDefault("10S")
        Duration firstRetry();

        @WithDefault("6H")
        Duration maxRetryDelay();

        @WithDefault("30")
        int maxAttempts();
    }

    interface Log {

        /** One JSON object per line on the console (quarkus.log.console.json.enabled). */
        @WithDefault("false")
        boolean json();
    }

    /** Each API caller's quota: a token bucket of {@code requests} refilled evenly over {@code window}. */
    interface RateLimit {

        @WithDefault("600")
        int requests();

        @WithDefault("60S")
        Duration window();

        /** Callers remembered at once; the least recently seen is forgotten first (its quota starts whole again). */
        @WithDefault("100000")
        int maxCallers();
    }
}
