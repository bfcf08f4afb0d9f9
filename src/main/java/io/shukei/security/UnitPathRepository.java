package io.shukei.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.db.Jdbc;

/**
 * The paths of units, by which every caller and every record is scoped. Read here, from the unit table
 * itself, so that the unit feature can be guarded by this one without this one depending on it.
 */
@ApplicationScoped
class UnitPathRepository {

    private final Jdbc jdbc;

    UnitPathRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(long unitId) {
        return jdbc.query("SELECT path FROM unit WHERE id = ?", row -> row.getString(1), unitId).stream().findFirst();
    }
}
