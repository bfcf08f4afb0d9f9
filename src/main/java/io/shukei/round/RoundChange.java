package io.shukei.round;

import java.util.List;

/**
 * A change of a round that other features may announce, fired synchronously in the transaction that makes it
 * (CDI event): what observes it (such as the webhook outbox) writes in that transaction, without this feature knowing it.
 * The values are the round's after the change.
 *
 * @param added   units that joined (PARTICIPANTS_CHANGED only, else empty)
 * @param removed units that left (PARTICIPANTS_CHANGED only, else empty)
 */
public record RoundChange(Type type, long roundId, long scopeUnitId, RoundStatus status, int revision, List<Long> added,
                          List<Long> removed) {

    public enum Type {
        OPENED,
        CLOSED,
        REOPENED,
        /** Through the API, or because units appeared in or left its scope (autoEnrol, moves). */
        PARTICIPANTS_CHANGED
    }

    static RoundChange of(Type type, Round round) {
        return new RoundChange(type, round.id, round.scopeUnitId, round.status, round.revision, List.of(), List.of());
    }

    static RoundChange participants(Round round, List<Long> added, List<Long> removed) {
        return new RoundChange(Type.PARTICIPANTS_CHANGED, round.id, round.scopeUnitId, round.status, round.revision,
                added, removed);
    }
}
