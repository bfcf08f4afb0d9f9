package io.shukei.invitation;

import java.time.Duration;
import java.time.OffsetDateTime;

/** What a link lets its holder do now. */
public enum LinkState {
    /** The round is open: the unit's sheet can be answered and corrected. */
    ANSWER,
    /** The round is closed: the sheet and its result are shown, read-only, for a while. */
    VIEW,
    /** Revoked, replaced by a newer link, or closed for longer than links are kept: the link opens nothing. */
    ENDED;

    /**
     * @param closedAt       when the round closed (null while open)
     * @param viewAfterClose how long a closed round's links still show the sheet
     */
    static LinkState of(boolean revoked, boolean roundOpen, OffsetDateTime closedAt, OffsetDateTime now,
                        Duration viewAfterClose) {
        if (revoked) {
            return ENDED;
        }
        if (roundOpen) {
            return ANSWER;
        }
        return closedAt != null && closedAt.plus(viewAfterClose).isAfter(now) ? VIEW : ENDED;
    }
}
