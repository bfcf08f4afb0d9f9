package io.shukei.round;

import java.time.LocalDate;
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

import io.shukei.tally.Policy;

/** One diagnosis campaign over a subtree, e.g. the 2026 self-diagnosis of one organisation. */
@Entity
@Table(name = "round")
public class Round {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "round_seq")
    @SequenceGenerator(name = "round_seq", sequenceName = "round_seq", allocationSize = 50)
    public Long id;

    public String title;

    @Column(name = "scope_unit_id")
    public long scopeUnitId;

    @Enumerated(EnumType.STRING)
    public Policy policy;

    @Enumerated(EnumType.STRING)
    public RoundStatus status;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "catalog_id")
    public String catalogId;

    @Column(name = "catalog_version")
    public String catalogVersion;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    public int revision;

    /** Whether units that appear in the scope while the round is open join it by themselves. */
    @Column(name = "auto_enrol")
    public boolean autoEnrol;

    public boolean isOpen() {
        return status == RoundStatus.OPEN;
    }
}
