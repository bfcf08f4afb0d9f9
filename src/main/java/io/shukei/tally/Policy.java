package io.shukei.tally;

/** How the units' answers to one question become the organisation's answer (DOMAIN §4). */
public enum Policy {
    /** UNKNOWN if any unit does not know; IMPLEMENTED/NOT_IMPLEMENTED if all agree; PARTIAL otherwise. */
    CONSOLIDATED,
    /** The answer with the fewest points. */
    WEAKEST,
    /** The mean of the units' points. */
    MEAN,
    /** The mean of the units' points weighted by headcount. */
    HEADCOUNT_MEAN
}
