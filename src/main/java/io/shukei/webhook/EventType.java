package io.shukei.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook can announce; {@link #wire} is the name in payloads and subscriptions. */
public enum EventType {
    SUBMISSION_CREATED("submission.created", false),
    SUBMISSION_UPDATED("submission.updated", false),
    ROUND_OPENED("round.opened", true),
    ROUND_CLOSED("round.closed", true),
    ROUND_REOPENED("round.reopened", true),
    ROUND_COMPLETED("round.completed", true),
    ROUND_PARTICIPANTS_CHANGED("round.participants-changed", true);

    static final String NAMES = "submission.created, submission.updated, round.opened, round.closed, round.reopened, "
            + "round.completed, round.participants-changed";

    final String wire;
    /**
     * A round concerns every unit under its scope, so its events also reach subscriptions on a unit
     * inside the scope; a sheet concerns only its unit and the units above it.
     */
    final boolean reachesSubtree;

    EventType(String wire, boolean reachesSubtree) {
        this.wire = wire;
        this.reachesSubtree = reachesSubtree;
    }

    static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
