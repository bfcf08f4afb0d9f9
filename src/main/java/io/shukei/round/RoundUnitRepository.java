package io.shukei.round;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import io.shukei.db.Jdbc;
import io.shukei.unit.UnitKind;

/**
 * Each round's own picture of the organisation (round_unit): the units that take part or have a sheet in
 * it, every unit above them, and the scope with the units above it. Kept equal to the units while the
 * round is open; left alone once it is closed.
 */
@ApplicationScoped
class RoundUnitRepository {

    /** The members of the rounds' pictures: (round_id, unit_id) of every unit the pictures must hold. */
    private static final String MEMBERS = """
            SELECT rp.round_id, unnest(m.tree_order) AS unit_id FROM round_participant rp JOIN unit m ON m.id = rp.unit_id
            WHERE rp.round_id = ANY (cast(? AS bigint[]))
            UNION
            SELECT s.round_id, unnest(m.tree_order) FROM submission s JOIN unit m ON m.id = s.unit_id
            WHERE s.round_id = ANY (cast(? AS bigint[]))
            UNION
            SELECT r.id, unnest(m.tree_order) FROM round r JOIN unit m ON m.id = r.scope_unit_id
            WHERE r.id = ANY (cast(? AS bigint[]))""";

    private final Jdbc jdbc;

    RoundUnitRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Brings the pictures of the rounds up to date with the units as they are now, writing only the rows
     * that differ.
     *
     * @return how many rows were added, changed or removed
     */
    int sync(Collection<Long> roundIds) {
        if (roundIds.isEmpty()) {
            return 0;
        }
        Long[] rounds = roundIds.toArray(new Long[0]);
        return jdbc.one("WITH members AS (" + MEMBERS + "), "
                        + """
                        gone AS (DELETE FROM round_unit ru WHERE ru.round_id = ANY (cast(? AS bigint[]))
                                 AND NOT EXISTS (SELECT 1 FROM members m WHERE m.round_id = ru.round_id AND m.unit_id = ru.unit_id)
                                 RETURNING 1),
                        written AS (INSERT INTO round_unit AS ru (round_id, unit_id, parent_id, path, code, name, headcount, kind)
                                 SELECT m.round_id, u.id, u.parent_id, u.path, u.code, u.name, u.headcount, u.kind
                                 FROM members m JOIN unit u ON u.id = m.unit_id
                                 ON CONFLICT (round_id, unit_id) DO UPDATE SET parent_id = EXCLUDED.parent_id,
                                     path = EXCLUDED.path, code = EXCLUDED.code, name = EXCLUDED.name,
                                     headcount = EXCLUDED.headcount, kind = EXCLUDED.kind
                                 WHERE (ru.parent_id, ru.path, ru.code, ru.name, ru.headcount, ru.kind)
                                       IS DISTINCT FROM (EXCLUDED.parent_id, EXCLUDED.path, EXCLUDED.code, EXCLUDED.name,
                                                         EXCLUDED.headcount, EXCLUDED.kind)
                                 RETURNING 1)
                        SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM written)""",
                row -> row.getInt(1), rounds, rounds, rounds, rounds).orElseThrow();
    }

    /** Copies a unit's name, code, headcount and kind into the pictures of the open rounds that hold it. */
    int refresh(long unitId) {
        return jdbc.update("""
                        UPDATE round_unit ru SET code = u.code, name = u.name, headcount = u.headcount, kind = u.kind
                        FROM unit u, round r
                        WHERE u.id = ? AND ru.unit_id = u.id AND r.id = ru.round_id AND r.status = 'OPEN'
                          AND (ru.code, ru.name, ru.headcount, ru.kind) IS DISTINCT FROM (u.code, u.name, u.headcount, u.kind)""",
                unitId);
    }

    /** The open rounds whose pictures hold a unit of the subtree (by the units' current paths). */
    List<Long> openRoundsHolding(String subtreePath) {
        return jdbc.query("""
                        SELECT DISTINCT ru.round_id FROM round_unit ru JOIN round r ON r.id = ru.round_id
                        WHERE r.status = 'OPEN' AND ru.unit_id IN (SELECT id FROM unit WHERE path LIKE ?)
                        ORDER BY ru.round_id""",
                row -> row.getLong(1), subtreePath + "%");
    }

    Optional<RoundUnit> find(long roundId, long unitId) {
        return jdbc.one("""
                        SELECT unit_id, parent_id, path, code, name, headcount, kind FROM round_unit
                        WHERE round_id = ? AND unit_id = ?""",
                row -> new RoundUnit(row.getLong(1), row.getObject(2, Long.class), row.getString(3), row.getString(4),
                        row.getString(5), row.getObject(6, Integer.class), UnitKind.valueOf(row.getString(7))),
                roundId, unitId);
    }
}
