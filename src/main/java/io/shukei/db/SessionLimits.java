package io.shukei.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;

import io.shukei.config.ShukeiConfig;

/**
 * Bounds what a database that stops answering can cost a request, whatever the database does (hung,
 * frozen, behind a partition): each connection the pool opens gets a socket read timeout, so a read
 * that waits longer fails its connection and the request is answered 503; a statement timeout, so the
 * server cancels a statement that runs longer; and an idle-in-transaction timeout equal to the socket
 * timeout, so the server ends a transaction whose client has given up and frees its locks. Connection
 * acquisition, connect and login have their limits in the datasource configuration.
 */
@ApplicationScoped
class SessionLimits implements AgroalPoolInterceptor {

    private final Duration statementTimeout;
    private final Duration socketTimeout;

    SessionLimits(ShukeiConfig config) {
        Duration statementTimeout = config.db().statementTimeout();
        Duration socketTimeout = config.db().socketTimeout();
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            // A statement the server would still cancel must not look like a lost connection.
            throw new IllegalArgumentException("shukei.db.socket-timeout (" + socketTimeout
                    + ") must be longer than shukei.db.statement-timeout (" + statementTimeout + ")");
        }
        this.statementTimeout = statementTimeout;
        this.socketTimeout = socketTimeout;
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(socketTimeout.toMillis()));
            try (PreparedStatement s = connection.prepareStatement("SELECT set_config('statement_timeout', ?, false), "
                    + "set_config('idle_in_transaction_session_timeout', ?, false)")) {
                s.setString(1, statementTimeout.toMillis() + "ms");
                s.setString(2, socketTimeout.toMillis() + "ms");
                s.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the session limits of a new database connection", e);
        }
    }
}
