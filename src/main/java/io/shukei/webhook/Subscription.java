package io.shukei.webhook;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A receiver of the events of one unit's subtree. */
@Entity
@Table(name = "webhook_subscription")
class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
    @SequenceGenerator(name = "webhook_subscription_seq", sequenceName = "webhook_subscription_seq", allocationSize = 50)
    Long id;

    @Column(name = "unit_id")
    long unitId;

    String url;

    /** Wire names of the subscribed {@link EventType}s. */
    String[] events;

    String description;

    String secret;

    boolean paused;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    int revision;
}
