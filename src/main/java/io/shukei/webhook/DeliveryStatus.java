package io.shukei.webhook;

enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; a retry request makes it pending again. */
    FAILED
}
