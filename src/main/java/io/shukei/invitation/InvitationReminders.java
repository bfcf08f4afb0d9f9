package io.shukei.invitation;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Looks for units that have not answered when a reminder day before their round's due date has come, and mails each
 * a new link (which replaces the one it had). Only where the service sends mail; instances share the work (a link
 * being reminded by one is skipped by the others).
 */
@ApplicationScoped
class InvitationReminders {

    private final InvitationService service;

    InvitationReminders(InvitationService service) {
        this.service = service;
    }

    @Scheduled(identity = "invitation-reminders", every = "${shukei.mail.reminder-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (service.mailEnabled()) {
            service.remind();
        }
    }
}
