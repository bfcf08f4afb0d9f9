package io.shukei.unit;

/**
 * A change to a unit, fired synchronously in the transaction that makes it (CDI event), after the change
 * is flushed: features that keep their own copy of units (rounds) follow it without the unit feature
 * knowing them.
 *
 * @param oldPath the unit's path before a move; equal to {@code path} otherwise
 */
public record UnitChange(Type type, long unitId, String path, String oldPath) {

    public enum Type {
        /**
         * A new unit (a leaf), or the top of new units created together by an import: the one event stands for
         * every unit of that new subtree.
         */
        CREATED,
        /** Name, code, headcount or kind. */
        UPDATED,
        /** The unit and its subtree have a new parent; paths changed. */
        MOVED,
        ARCHIVED,
        UNARCHIVED,
        /**
         * About to be deleted (a leaf): features drop what they hold of it that has no history, such as an
         * enrolment in an open round without a sheet; what remains makes the unit in use.
         */
        DELETING
    }
}
