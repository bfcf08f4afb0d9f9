package io.shukei.plan;

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

/** One thing a round's plan at a unit will do about a question. */
@Entity
@Table(name = "action_item")
class ActionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_item_seq")
    @SequenceGenerator(name = "action_item_seq", sequenceName = "action_item_seq", allocationSize = 50)
    Long id;

    @Column(name = "round_id")
    long roundId;

    @Column(name = "unit_id")
    long unitId;

    int question;

    String action;

    String owner;

    @Column(name = "due_on")
    LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    ActionItemStatus status;

    int revision;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
}
