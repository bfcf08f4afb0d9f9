package io.shukei.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded write; the table refuses updates and deletes. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "occurred_at")
    OffsetDateTime occurredAt;

    @Column(name = "actor_type")
    String actorType;

    @Column(name = "actor_id")
    String actorId;

    @Column(name = "actor_name")
    String actorName;

    @Column(name = "remote_address")
    String remoteAddress;

    String action;

    @Column(name = "resource_type")
    String resourceType;

    @Column(name = "resource_id")
    String resourceId;

    @Column(name = "unit_id")
    Long unitId;

    @Column(name = "unit_path")
    String unitPath;

    @Column(name = "revision_before")
    Integer revisionBefore;

    @Column(name = "revision_after")
    Integer revisionAfter;
}
