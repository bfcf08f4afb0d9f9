package io.shukei.security;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shukei.TwoConnections;

/**
 * The whole access matrix again with one database connection free: every operation, called with a stored
 * key of every role, holds at most one connection at a time. When the key's row was read through a
 * Hibernate result stream that was never closed, it kept its connection to the end of the request while
 * the write's transaction waited for another, so with as many keyed writes at once as the pool has
 * connections each of them timed out.
 */
@QuarkusTest
@TestProfile(TwoConnections.class)
class AccessMatrixOnOneConnectionTest extends AccessMatrixTest {

    @Inject
    DataSource dataSource;

    private Connection held;

    @BeforeEach
    void holdOneConnection() throws SQLException {
        held = dataSource.getConnection();
    }

    @AfterEach
    void giveItBack() throws SQLException {
        held.close();
    }
}
