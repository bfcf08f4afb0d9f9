package io.shukei.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current transaction, for statements run on every sheet write
 * (the sheet itself, the audit row, the webhook outbox) that need none of Hibernate's native-query
 * machinery: the SQL is not parsed by Hibernate and the session is not flushed first. Such a statement
 * must therefore not depend on changes the session has yet to write (the audit and outbox tables have
 * no foreign keys, and the outbox reads only subscriptions and units). The driver keeps the statement
 * prepared on its connection.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Runs an INSERT, UPDATE or DELETE with positional parameters; returns the number of rows changed. */
    public static int update(EntityManager em, String sql, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /** One row of a result, read at the cursor's current position. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs a query (or a data-changing statement with RETURNING) and reads every row. */
    public static <T> List<T> query(EntityManager em, String sql, Row<T> row, Object... params) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(row.read(rows));
                    }
                    return result;
                }
            }
        });
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
