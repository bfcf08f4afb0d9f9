package io.shukei.unit;

/**
 * What other features need of a unit on a hot path (its identity, names and place in the tree), read
 * without loading the entity: a sheet write reads it with its round's lock and changes nothing of the unit.
 */
public record UnitSummary(long id, String code, String name, String path) {
}
