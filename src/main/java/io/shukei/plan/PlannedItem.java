package io.shukei.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An action item as the report shows it, with its unit as the round's picture names and places it (as the unit is
 * now when the picture no longer holds it).
 */
public record PlannedItem(long id, long unitId, String unitCode, String unitName, String unitPath, int question, String action,
                          String owner, LocalDate dueOn, ActionItemStatus status, int revision, OffsetDateTime createdAt,
                          OffsetDateTime updatedAt) {
}
