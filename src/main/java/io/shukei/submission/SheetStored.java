package io.shukei.submission;

import io.shukei.round.RoundService;

/**
 * A sheet revision was stored, fired synchronously in the transaction that stores it (CDI event): what observes
 * it (such as the webhook outbox) writes in that transaction, without this feature knowing it.
 *
 * @param round   the open round and the participant, as the write admitted them
 * @param created whether this is the unit's first sheet in the round
 */
public record SheetStored(RoundService.SheetAdmission round, int revision, boolean created) {
}
