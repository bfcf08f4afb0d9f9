package io.shukei.submission;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored version of a sheet; rows are only ever inserted. */
@Entity
@Table(name = "submission_revision")
class SubmissionRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_revision_seq")
    @SequenceGenerator(name = "submission_revision_seq", sequenceName = "submission_revision_seq", allocationSize = 1)
    Long id;

    @Column(name = "submission_id")
    long submissionId;

    int revision;

    String answers;

    /** Comments by question number (as a string key, the JSON form). */
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, String> comments;

    int score;

    String respondent;

    @Column(name = "catalog_version")
    String catalogVersion;

    @Column(name = "created_at")
    OffsetDateTime createdAt;
}
