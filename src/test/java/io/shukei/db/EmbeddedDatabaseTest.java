package io.shukei.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void embeddedServerIsDurableAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dir = Files.createTempDirectory("shukei-embedded-test");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
            assertEquals("on", show(c, "fsync"));
            assertEquals("on", show(c, "full_page_writes"));
            assertEquals("on", show(c, "synchronous_commit"));
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('集計')");
            }
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            rs.next();
            assertEquals("集計", rs.getString(1));
        }
    }
}
