package io.shukei.invitation;

/**
 * A link was made or renewed for an address: mailed once the transaction that stored its hash has committed. The
 * link itself lives only in this event (in memory) and in the mail.
 */
record LinkIssued(long invitationId, String email, String url, boolean reminder) {
}
