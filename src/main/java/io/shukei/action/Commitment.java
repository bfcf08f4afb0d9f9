package io.shukei.action;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An organisation's recorded decision to work on the 情報セキュリティ5か条 (the one-star commitment). */
@Entity
@Table(name = "action_commitment")
class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_commitment_seq")
    @SequenceGenerator(name = "action_commitment_seq", sequenceName = "action_commitment_seq", allocationSize = 50)
    Long id;

    @Column(name = "organisation_id")
    long organisationId;

    @Column(name = "committed_by")
    String committedBy;

    @Column(name = "committed_at")
    OffsetDateTime committedAt;
}
