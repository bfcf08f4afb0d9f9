package io.shukei.invitation;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A unit's personal link to its answer sheet in one round; the link's secret itself is never stored. */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    Long id;

    @Column(name = "round_id")
    long roundId;

    @Column(name = "unit_id")
    long unitId;

    @Column(name = "token_hash")
    byte[] tokenHash;

    String email;

    @Column(name = "base_url")
    String baseUrl;

    @Column(name = "created_by")
    String createdBy;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "issued_at")
    OffsetDateTime issuedAt;

    @Column(name = "revoked_at")
    OffsetDateTime revokedAt;

    @Column(name = "mailed_at")
    OffsetDateTime mailedAt;

    @Column(name = "mail_error")
    String mailError;

    @Column(name = "reminded_for")
    Integer remindedFor;
}
