package io.shukei.invitation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.shukei.language.Language;
import io.shukei.people.Audience;
import io.shukei.people.Audiences;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.jboss.logging.Logger;

/**
 * Mails a link once the transaction that made it has committed (a link that was rolled back is never sent), and
 * records when it went out or why it did not. The log names the invitation, never the link.
 */
@ApplicationScoped
class InvitationMail {

    private static final Logger LOG = Logger.getLogger(InvitationMail.class);

    private final ReactiveMailer mailer;
    private final InvitationRepository invitations;
    private final InvitationService service;
    private final Template link;
    private final Audience japanese;

    InvitationMail(ReactiveMailer mailer, InvitationRepository invitations, InvitationService service,
                   @Location("mail/link.txt") Template link, Audiences audiences) {
        this.mailer = mailer;
        this.invitations = invitations;
        this.service = service;
        this.link = link;
        this.japanese = audiences.of(Language.JA);
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkIssued issued) {
        InvitationRepository.MailFacts facts = invitations.mailFacts(issued.invitationId());
        String unit = facts.parentName() == null ? facts.unitName() : facts.parentName() + " " + facts.unitName();
        String subject = (issued.reminder() ? "【回答のお願い・再送】" : "【回答のお願い】") + facts.roundTitle() + " / "
                + (issued.reminder() ? "Reminder: " : "Please answer: ") + facts.roundTitle();
        String text = link.data("reminder", issued.reminder()).data("round", facts.roundTitle()).data("unit", unit)
                .data("due", facts.dueDate() == null ? null : japanese.date(facts.dueDate()))
                .data("dueIso", facts.dueDate()).data("url", issued.url()).render();
        mailer.send(Mail.withText(issued.email(), subject, text))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(done -> service.mailed(issued.invitationId(), null), failure -> {
                    LOG.warnf("Invitation %d could not be mailed: %s", issued.invitationId(), failure.getMessage());
                    service.mailed(issued.invitationId(), abbreviate(failure.getMessage()));
                });
    }

    private static String abbreviate(String message) {
        String text = message == null ? "mail server refused the message" : message;
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
