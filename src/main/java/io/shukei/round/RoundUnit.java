package io.shukei.round;

import io.shukei.unit.UnitKind;

/**
 * A unit as a round sees it: as it is while the round is open, as it was when the round was closed
 * (table round_unit).
 */
public record RoundUnit(long unitId, Long parentId, String path, String code, String name, Integer headcount,
                        UnitKind kind) {
}
