package io.shukei.security;

/** What a credential may do; its unit decides where. */
public enum Role {
    /** The responsible manager: units, rounds, keys, reports and audit in scope. */
    ADMIN,
    /** A department head: answers for the units in scope and reads their reports. */
    RESPONDENT,
    /** An integrating system or auditor: reads everything in scope, writes nothing. */
    VIEWER
}
