package io.shukei.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The sign-off of a closed round's report at a unit, with the version of the figures it approved; never changed. */
@Entity
@Table(name = "report_approval")
class ReportApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_approval_seq")
    @SequenceGenerator(name = "report_approval_seq", sequenceName = "report_approval_seq", allocationSize = 50)
    Long id;

    @Column(name = "round_id")
    long roundId;

    @Column(name = "unit_id")
    long unitId;

    @Column(name = "approver_name")
    String approverName;

    @Column(name = "approver_title")
    String approverTitle;

    String comment;

    @Column(name = "report_version")
    String reportVersion;

    BigDecimal score;

    @Column(name = "approved_at")
    OffsetDateTime approvedAt;
}
