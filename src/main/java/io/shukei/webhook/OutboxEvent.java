package io.shukei.webhook;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded event; inserted by SQL in {@link DeliveryRepository#record}, mapped for reading. */
@Entity
@Table(name = "webhook_event")
class OutboxEvent {

    @Id
    String id;

    String type;

    /** The exact JSON body that is signed and sent. */
    String payload;

    @Column(name = "created_at")
    OffsetDateTime createdAt;
}
