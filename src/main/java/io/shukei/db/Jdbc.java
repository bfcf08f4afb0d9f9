package io.shukei.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way SQL reaches the database (docs/data-access.md): repositories run their statements here, with
 * positional parameters, and map each row into a record. Inside a transaction the pool hands out the
 * connection the transaction already holds, so these statements commit or roll back with everything else;
 * Hibernate's session is neither opened for them nor flushed before them, which is what makes them cheap
 * on the hot path. A repository whose statement reads what the same transaction changed through entities
 * flushes the session first. The driver keeps a statement it runs repeatedly prepared on its connection.
 */
@ApplicationScoped
public class Jdbc {

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One row of a result, read at the cursor's current position. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Runs a statement for its effect alone (taking a lock, for example), whatever it returns. */
    public void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.execute();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Runs a query (or a data-changing statement with RETURNING) and reads every row. */
    public <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Runs a query and hands each row to {@code each} as it arrives, a batch of {@code fetchSize} rows at a time,
     * so that what the rows take never adds up in memory. The driver fetches in batches only inside a
     * transaction (without one it reads every row before the first is handed on): callers run in one.
     */
    public <T> void stream(String sql, int fetchSize, Row<T> row, Consumer<? super T> each, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.accept(row.read(rows));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Lets the statements of the caller's transaction run, and the transaction wait between them, up to the limit
     * instead of the session's (SessionLimits) short one: for the few requests that read or write a whole tree in
     * one transaction (an import, an export written as its rows are read). Reset when the transaction ends.
     */
    public void allowLongStatements(java.time.Duration limit) {
        execute("SELECT set_config('statement_timeout', ?, true), set_config('idle_in_transaction_session_timeout', ?, true)",
                limit.toMillis() + "ms", limit.toMillis() + "ms");
    }

    /** The first row of a query, if it has one. */
    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(row.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** Keeps the driver's exception (and its SQL state) as the cause: the problem mapper reads it from there. */
    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("SQL statement failed: " + e.getMessage(), e);
    }
}
