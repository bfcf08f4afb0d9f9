package io.shukei.submission;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The current sheet of one unit in one round; its history lives in {@link SubmissionRevision}. */
@Entity
@Table(name = "submission")
class Submission {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_seq")
    @SequenceGenerator(name = "submission_seq", sequenceName = "submission_seq", allocationSize = 1)
    Long id;

    @Column(name = "round_id")
    long roundId;

    @Column(name = "unit_id")
    long unitId;

    int revision;

    /** One letter per question (I, P, N, U), the form the report reads in bulk. */
    String answers;

    int score;

    String respondent;

    @Column(name = "catalog_version")
    String catalogVersion;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
}
