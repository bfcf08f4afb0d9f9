package io.shukei.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of an organisation's 情報セキュリティ基本方針; versions are only ever inserted. */
@Entity
@Table(name = "basic_policy")
class BasicPolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "basic_policy_seq")
    @SequenceGenerator(name = "basic_policy_seq", sequenceName = "basic_policy_seq", allocationSize = 50)
    Long id;

    @Column(name = "organisation_id")
    long organisationId;

    int version;

    @Column(name = "company_name")
    String companyName;

    @Column(name = "representative_title")
    String representativeTitle;

    @Column(name = "representative_name")
    String representativeName;

    @Column(name = "enacted_on")
    LocalDate enactedOn;

    String preamble;

    @JdbcTypeCode(SqlTypes.JSON)
    List<Section> sections;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    /** A numbered item of the policy; the number is its position. */
    record Section(String heading, String text) {
    }
}
