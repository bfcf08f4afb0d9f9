package io.shukei.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Where and when the organisation says it published its basic policy; the service cannot check the page. */
@Entity
@Table(name = "policy_publication")
class Publication {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_publication_seq")
    @SequenceGenerator(name = "policy_publication_seq", sequenceName = "policy_publication_seq", allocationSize = 50)
    Long id;

    @Column(name = "organisation_id")
    long organisationId;

    String url;

    @Column(name = "published_on")
    LocalDate publishedOn;

    /** The policy version in force when the publication was recorded. */
    @Column(name = "policy_version")
    int policyVersion;

    @Column(name = "recorded_at")
    OffsetDateTime recordedAt;
}
