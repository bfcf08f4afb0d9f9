package io.shukei.invitation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import io.shukei.config.ShukeiConfig;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.security.Caller;
import io.shukei.security.Secrets;

/**
 * Personal links to a unit's answer sheet in one round. A link is a credential: 256 random bits, of which only the
 * SHA-256 is stored; it is shown once, in the answer that makes it, and is never logged. It answers while its
 * round is open, shows the sheet read-only for a while after the close, and ends when revoked or replaced.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InvitationService {

    /** Where links lead: {base URL}/i/{secret}. */
    public static final String LINK_PATH = "/i/";
    /** Length of a link's secret (32 random bytes, base64url). */
    static final int SECRET_LENGTH = 43;

    private final InvitationRepository invitations;
    private final RoundService rounds;
    private final Access access;
    private final AuditService audit;
    private final Event<LinkIssued> issued;
    private final Optional<String> publicUrl;
    private final Duration viewAfterClose;
    private final boolean mailEnabled;
    private final List<Integer> reminderDays;
    private final ZoneId zone;

    InvitationService(InvitationRepository invitations, RoundService rounds, Access access, AuditService audit,
                      Event<LinkIssued> issued, ShukeiConfig config) {
        this.invitations = invitations;
        this.rounds = rounds;
        this.access = access;
        this.audit = audit;
        this.issued = issued;
        this.publicUrl = config.publicUrl().filter(u -> !u.isBlank());
        this.viewAfterClose = config.invitations().viewAfterClose();
        this.mailEnabled = config.mail().host().filter(h -> !h.isBlank()).isPresent();
        this.reminderDays = config.mail().reminderDays();
        this.zone = config.timeZone();
    }

    public boolean mailEnabled() {
        return mailEnabled;
    }

    /**
     * Makes a link for each unit named (or, with none named, for every participant in the caller's scope that has
     * no usable one); a unit named that has one gets a new link that replaces it. Mails each link that has an
     * address when the service sends mail.
     *
     * @param requestBaseUrl the address the request came to, used when no public URL is configured
     */
    @Transactional
    public List<InvitationResponse> create(long roundId, InvitationRequests.Create request, String requestBaseUrl) {
        Round round = openForChange(roundId);
        Map<Long, InvitationRepository.Participant> participants = invitations.participants(roundId, access.scopePrefix())
                .stream().collect(Collectors.toMap(InvitationRepository.Participant::unitId, Function.identity()));
        List<InvitationRequests.Recipient> wanted = request == null || request.participants() == null
                ? participants.values().stream().filter(p -> !p.hasLink())
                        .map(p -> new InvitationRequests.Recipient(p.unitId(), null)).toList()
                : request.participants();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            long unitId = wanted.get(i).unitId();
            if (!participants.containsKey(unitId)) {
                errors.add(new Problem.FieldError("participants[" + i + "].unitId",
                        "unit " + unitId + " is not a participant of round " + roundId + " in your scope"));
            } else if (wanted.subList(0, i).stream().anyMatch(r -> r.unitId() == unitId)) {
                errors.add(new Problem.FieldError("participants[" + i + "].unitId", "unit " + unitId + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String base = baseUrl(requestBaseUrl);
        OffsetDateTime now = now();
        List<Made> made = new ArrayList<>();
        for (InvitationRequests.Recipient recipient : wanted) {
            InvitationRepository.Participant participant = participants.get(recipient.unitId());
            access.requireVisible(participant.path(), "Unit", recipient.unitId());
            invitations.usableLocked(roundId, recipient.unitId()).ifPresent(old -> {
                old.revokedAt = now;
                audit.record("invitation.replaced", "invitation", old.id, old.unitId, participant.path(), null, null);
            });
            // The replaced link is revoked before the new one is inserted (one usable link per unit and round).
            invitations.flush();
            Invitation invitation = new Invitation();
            invitation.roundId = roundId;
            invitation.unitId = recipient.unitId();
            invitation.email = recipient.email() == null || recipient.email().isBlank() ? null : recipient.email().strip();
            invitation.baseUrl = base;
            Caller creator = access.caller();
            invitation.createdBy = creator.actorType() + ":" + creator.actorId();
            invitation.createdAt = now;
            made.add(issue(invitation, round.dueDate, now, false));
            audit.record("invitation.created", "invitation", invitation.id, invitation.unitId, participant.path(), null, null);
        }
        invitations.flush();
        return made.stream().map(m -> view(m.invitation().id).withUrl(m.url())).toList();
    }

    /** A new link for an invitation, replacing its current one; mailed again when it has an address. */
    @Transactional
    public InvitationResponse renew(long roundId, long invitationId) {
        Round round = openForChange(roundId);
        Invitation invitation = require(roundId, invitationId);
        String path = unitPathOf(invitation);
        access.requireVisible(path, "Invitation", invitationId);
        if (invitation.revokedAt != null) {
            throw ProblemException.conflict("/problems/invitation-revoked", "Invitation revoked",
                    "Invitation " + invitationId + " was revoked or replaced; create a new one for the unit")
                    .inJapanese("招待 " + invitationId + " は取り消されたか置き換えられました。部署の招待を新しく作成してください。");
        }
        Made made = issue(invitation, round.dueDate, now(), false);
        audit.record("invitation.renewed", "invitation", invitation.id, invitation.unitId, path, null, null);
        invitations.flush();
        return view(invitation.id).withUrl(made.url());
    }

    /** Ends a link at once. Revoking a revoked one changes nothing. */
    @Transactional
    public void revoke(long roundId, long invitationId) {
        rounds.requireForParticipants(roundId);
        Invitation invitation = require(roundId, invitationId);
        String path = unitPathOf(invitation);
        access.requireVisible(path, "Invitation", invitationId);
        if (invitation.revokedAt == null) {
            invitation.revokedAt = now();
            audit.record("invitation.revoked", "invitation", invitation.id, invitation.unitId, path, null, null);
        }
    }

    /** One page of a round's invitations in the caller's scope, without their links. */
    public Page<InvitationResponse> list(long roundId, PageParams paging) {
        rounds.require(roundId);
        String prefix = access.scopePrefix();
        List<InvitationResponse> items = invitations.listed(roundId, prefix, paging.offset(), paging.size).stream()
                .map(this::view).toList();
        return Page.of(items, paging, invitations.count(roundId, prefix));
    }

    /**
     * Every invitation of a round in the caller's scope, for the CSV: the round is checked, then {@code started}
     * runs (the response's headers may go), then the invitations are handed on one at a time as they are read.
     */
    @Transactional
    @TransactionConfiguration(timeout = InvitationRepository.LONG_SECONDS)
    void each(long roundId, Runnable started, Consumer<InvitationResponse> each) {
        rounds.require(roundId);
        String prefix = access.scopePrefix();
        started.run();
        invitations.eachListed(roundId, prefix, l -> each.accept(view(l)));
    }

    /** A participant of a round: its sheet, if any, and its newest link, if any (without the link itself). */
    public record ParticipantProgress(long unitId, String code, String name, String parentName,
                                      OffsetDateTime submittedAt, OffsetDateTime revisedAt, Integer revision,
                                      Integer score, Long invitationId, boolean linkUsable, String email,
                                      OffsetDateTime issuedAt, OffsetDateTime mailedAt, String mailError) {
    }

    /** Every participant of a round in the caller's scope, in tree order. */
    public List<ParticipantProgress> progress(long roundId) {
        rounds.require(roundId);
        return invitations.progress(roundId, access.scopePrefix()).stream()
                .map(p -> new ParticipantProgress(p.unitId(), p.code(), p.name(), p.parentName(), p.submittedAt(),
                        p.revisedAt(), p.revision(), p.score(), p.invitationId(),
                        p.invitationId() != null && !p.revoked(), p.email(), p.issuedAt(), p.mailedAt(), p.mailError()))
                .toList();
    }

    /** Whom a link lets in, to which sheet, and what it lets them do now. */
    public record Link(long invitationId, long roundId, long unitId, LinkState state) {
    }

    /**
     * The link a secret belongs to; a link that has not ended makes the request act as the unit's respondent
     * (for that unit alone). Empty for a secret that is no link's.
     */
    @Transactional
    public Optional<Link> open(String secret, String remoteAddress) {
        if (secret == null || secret.length() != SECRET_LENGTH
                || !secret.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_')) {
            return Optional.empty();
        }
        return invitations.findByHash(Secrets.sha256(secret)).map(found -> {
            LinkState state = LinkState.of(found.revoked(), found.roundOpen(), found.closedAt(), now(), viewAfterClose);
            if (state != LinkState.ENDED) {
                access.actAs(Caller.invitation(found.id(), "invitation link", found.unitId(), found.unitPath(),
                        remoteAddress));
            }
            return new Link(found.id(), found.roundId(), found.unitId(), state);
        });
    }

    /** Renews and mails the links whose reminder day has come (days before the due date, in the service's zone). */
    @Transactional
    void remind() {
        LocalDate today = LocalDate.now(zone);
        OffsetDateTime now = now();
        for (InvitationRepository.Reminder candidate : invitations.remindable(today)) {
            Integer current = ReminderDays.current(candidate.dueDate(), today, reminderDays);
            if (ReminderDays.due(current, candidate.remindedFor())) {
                Invitation invitation = invitations.findById(candidate.id());
                issue(invitation, candidate.dueDate(), now, true);
                invitation.remindedFor = current;
                audit.record("invitation.reminded", "invitation", invitation.id, invitation.unitId, candidate.unitPath(),
                        null, null);
            }
        }
    }

    /** Records how mailing a link went; called once the mail server has answered. */
    @Transactional
    void mailed(long invitationId, String error) {
        invitations.recordMail(invitationId, error == null ? now() : null, error);
    }

    private record Made(Invitation invitation, String url) {
    }

    /** Gives the invitation a new secret (the old one stops working) and has it mailed after the commit. */
    private Made issue(Invitation invitation, LocalDate dueDate, OffsetDateTime now, boolean reminder) {
        String secret = Secrets.random(32);
        invitation.tokenHash = Secrets.sha256(secret);
        invitation.issuedAt = now;
        invitation.mailError = null;
        if (invitation.id == null) {
            invitations.persist(invitation);
        }
        String url = invitation.baseUrl + LINK_PATH + secret;
        if (mailEnabled && invitation.email != null) {
            if (!reminder) {
                // The invitation itself counts as the reminder of the day it is sent on.
                invitation.remindedFor = ReminderDays.current(dueDate, LocalDate.now(zone), reminderDays);
            }
            issued.fire(new LinkIssued(invitation.id, invitation.email, url, reminder));
        }
        return new Made(invitation, url);
    }

    private Round openForChange(long roundId) {
        Round round = rounds.requireForParticipants(roundId);
        if (!round.isOpen()) {
            throw ProblemException.conflict("/problems/round-closed", "Round closed",
                            "Round " + roundId + " is closed; links are made only while it is open")
                    .inJapanese("診断 " + roundId + " は締め切られています。招待リンクを作成できるのは受付中だけです。");
        }
        return round;
    }

    private Invitation require(long roundId, long invitationId) {
        Invitation invitation = invitations.requireInRound(roundId, invitationId);
        if (invitation == null) {
            throw ProblemException.notFound("Invitation", invitationId);
        }
        return invitation;
    }

    private String unitPathOf(Invitation invitation) {
        return invitations.unitPath(invitation.unitId);
    }

    private InvitationResponse view(long id) {
        return view(invitations.one(id));
    }

    private InvitationResponse view(InvitationRepository.Listed l) {
        LinkState state = LinkState.of(l.revoked(), l.roundOpen(), l.closedAt(), now(), viewAfterClose);
        return new InvitationResponse(l.id(), l.roundId(), l.unitId(), l.unitCode(), l.unitName(), l.parentName(),
                l.email(), state, null, l.createdAt(), l.issuedAt(), l.revokedAt(), l.mailedAt(), l.mailError());
    }

    private String baseUrl(String requestBaseUrl) {
        String base = publicUrl.orElse(requestBaseUrl);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
