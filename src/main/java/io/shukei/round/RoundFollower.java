package io.shukei.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.shukei.unit.Unit;
import io.shukei.unit.UnitChange;
import io.shukei.unit.UnitService;

/**
 * Keeps open rounds in step with the organisation, in the transaction of each unit change: their pictures
 * follow renames, re-codes, new headcounts and kinds, and moves; units that appear in the scope of a round
 * that enrols by itself join it; participants moved out of a round's scope leave it, and so does a unit
 * being deleted that gave no sheet. Closed rounds are never touched.
 */
@ApplicationScoped
class RoundFollower {

    private final RoundRepository rounds;
    private final RoundUnitRepository pictures;
    private final RoundService service;
    private final UnitService units;

    RoundFollower(RoundRepository rounds, RoundUnitRepository pictures, RoundService service, UnitService units) {
        this.rounds = rounds;
        this.pictures = pictures;
        this.service = service;
        this.units = units;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void follow(@Observes UnitChange change) {
        switch (change.type()) {
            case UPDATED, ARCHIVED -> pictures.refresh(change.unitId());
            case CREATED -> enrolled(rounds.enrolAppeared(change.path(), null), List.of(), false);
            case UNARCHIVED -> {
                pictures.refresh(change.unitId());
                enrolled(rounds.enrolAppeared(change.path(), null), List.of(), false);
            }
            case DELETING -> {
                List<RoundRepository.Participation> left = rounds.removeWithoutSheet(change.unitId());
                enrolled(List.of(), left, false);
            }
            case MOVED -> {
                List<RoundRepository.Participation> left = rounds.removeOutsideScope(change.path());
                List<RoundRepository.Participation> joined = rounds.enrolAppeared(change.path(), change.oldPath());
                pictures.sync(pictures.openRoundsHolding(change.path()));
                enrolled(joined, left, true);
            }
        }
    }

    /** Records each open round's new participants and leavers (picture, revision, audit, announcement). */
    private void enrolled(List<RoundRepository.Participation> joined, List<RoundRepository.Participation> left,
                          boolean moved) {
        Map<Long, List<Long>> added = byRound(joined);
        Map<Long, List<Long>> removed = byRound(left);
        TreeSet<Long> changed = new TreeSet<>(added.keySet());
        changed.addAll(removed.keySet());
        for (long roundId : changed) {
            Round round = rounds.findById(roundId);
            rounds.lock(round);
            Unit scope = units.load(round.scopeUnitId);
            List<Long> in = added.getOrDefault(roundId, List.of());
            List<Long> out = removed.getOrDefault(roundId, List.of());
            String action = moved ? "round.participants-moved"
                    : in.isEmpty() ? "round.participants-removed" : "round.participants-enrolled";
            service.participantsChanged(round, scope, action, in, out);
        }
    }

    private static Map<Long, List<Long>> byRound(List<RoundRepository.Participation> rows) {
        Map<Long, List<Long>> byRound = new TreeMap<>();
        rows.forEach(p -> byRound.computeIfAbsent(p.roundId(), k -> new ArrayList<>()).add(p.unitId()));
        byRound.values().forEach(ids -> ids.sort(null));
        return byRound;
    }
}
