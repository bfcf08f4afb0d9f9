package io.shukei.webhook;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One event for one subscription, with the outcome of its latest attempt. */
@Entity
@Table(name = "webhook_delivery")
class Delivery {

    @Id
    Long id;

    @Column(name = "subscription_id")
    long subscriptionId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    OutboxEvent event;

    @Enumerated(EnumType.STRING)
    DeliveryStatus status;

    int attempts;

    @Column(name = "next_attempt_at")
    OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    OffsetDateTime lastAttemptAt;

    @Column(name = "last_status_code")
    Integer lastStatusCode;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "response_excerpt")
    String responseExcerpt;

    @Column(name = "created_at")
    OffsetDateTime createdAt;
}
