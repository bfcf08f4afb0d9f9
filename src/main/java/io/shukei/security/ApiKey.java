package io.shukei.security;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A credential bound to a role and a unit; the secret itself is never stored. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
    Long id;

    String name;

    @Enumerated(EnumType.STRING)
    Role role;

    /** Null for a global key (every organisation). */
    @Column(name = "unit_id")
    Long unitId;

    String prefix;

    @Column(name = "secret_hash")
    byte[] secretHash;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "expires_at")
    OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;
}
