package io.shukei.unit;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a unit is. A COMPANY is a legal entity: it declares SECURITY ACTION. A GROUP (a group of companies,
 * an industry association, a support centre) holds member companies or further groups; a company holds
 * sites and departments; a site holds sites and departments; a department holds departments.
 */
public enum UnitKind {
    GROUP, COMPANY, SITE, DEPARTMENT;

    /** The kinds that may sit directly under this one. */
    public Set<UnitKind> children() {
        return switch (this) {
            case GROUP -> EnumSet.of(GROUP, COMPANY);
            case COMPANY -> EnumSet.of(SITE, DEPARTMENT);
            case SITE -> EnumSet.of(SITE, DEPARTMENT);
            case DEPARTMENT -> EnumSet.of(DEPARTMENT);
        };
    }

    /** Whether a unit of this kind may sit under the parent (null: at the top, as a tree of its own). */
    public boolean allowedUnder(UnitKind parent) {
        return parent == null ? this == GROUP || this == COMPANY : parent.children().contains(this);
    }

    /** The kind of a new unit that names none: a company at the top or in a group, else a department. */
    static UnitKind defaultUnder(UnitKind parent) {
        return parent == null || parent == GROUP ? COMPANY : DEPARTMENT;
    }
}
