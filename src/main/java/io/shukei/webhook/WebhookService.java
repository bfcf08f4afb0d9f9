package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class WebhookService {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final UnitService units;
    private final TargetPolicy targets;
    private final Access access;
    private final AuditService audit;

    WebhookService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, UnitService units,
                   TargetPolicy targets, Access access, AuditService audit) {
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.units = units;
        this.targets = targets;
        this.access = access;
    }

    @Transactional
    WebhookResponse create(WebhookRequests.Create request) {
        Unit unit = units.require(request.unitId());
        OffsetDateTime now = now();
        Subscription s = new Subscription();
        s.unitId = unit.id;
        s.url = checkedUrl(request.url());
        s.events = checkedEvents(request.events());
        s.description = request.description();
        s.secret = Signature.newSecret();
        s.createdAt = now;
        s.updatedAt = now;
        s.revision = 1;
        subscriptions.persist(s);
        audit.record("webhook.created", "webhook", s.id, unit.id, unit.path, null, s.revision);
        return WebhookResponse.of(s, true);
    }

    WebhookResponse get(long id) {
        return WebhookResponse.of(require(id), false);
    }

    Page<WebhookResponse> list(Long unitId, PageParams paging) {
        String under = unitId == null ? access.scopePrefix() : units.require(unitId).path;
        var found = subscriptions.under(under);
        List<WebhookResponse> items = found.page(paging.page, paging.size).list().stream()
                .map(s -> WebhookResponse.of(s, false)).toList();
        return Page.of(items, paging, found.count());
    }

    @Transactional
    WebhookResponse patch(long id, WebhookRequests.Patch patch) {
        Subscription s = require(id);
        // Locked and re-read, so that a concurrent change is not overwritten with a stale revision.
        subscriptions.refreshLocked(s);
        if (patch.url() != null) {
            s.url = checkedUrl(patch.url());
        }
        if (patch.events() != null) {
            s.events = checkedEvents(patch.events());
        }
        if (patch.paused() != null) {
            s.paused = patch.paused();
        }
        if (patch.description() != null) {
            s.description = patch.description().isBlank() ? null : patch.description();
        }
        s.revision++;
        s.updatedAt = now();
        audit.record("webhook.updated", "webhook", s.id, s.unitId, units.load(s.unitId).path, s.revision - 1, s.revision);
        return WebhookResponse.of(s, false);
    }

    @Transactional
    void delete(long id) {
        Subscription s = require(id);
        audit.record("webhook.deleted", "webhook", s.id, s.unitId, units.load(s.unitId).path, s.revision, null);
        subscriptions.delete(s);
    }

    Page<DeliveryResponse> deliveries(long id, DeliveryStatus status, PageParams paging) {
        require(id);
        List<DeliveryResponse> items = deliveries.of(id, status, paging.page, paging.size).stream()
                .map(DeliveryResponse::of).toList();
        return Page.of(items, paging, deliveries.countOf(id, status));
    }

    /** Makes the delivery due now, whatever its state; a delivered event is sent once more. */
    @Transactional
    DeliveryResponse retry(long id, long deliveryId) {
        require(id);
        Delivery d = deliveries.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.subscriptionId != id) {
            throw ProblemException.notFound("Delivery", deliveryId);
        }
        d.status = DeliveryStatus.PENDING;
        d.nextAttemptAt = now();
        return DeliveryResponse.of(d);
    }

    /** A subscription the caller may see: 404 when missing or outside the caller's scope. */
    private Subscription require(long id) {
        Subscription s = subscriptions.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Webhook", id);
        }
        access.requireVisible(units.load(s.unitId).path, "Webhook", id);
        return s;
    }

    private String checkedUrl(String url) {
        String refusal = targets.refusal(url.strip());
        if (refusal != null) {
            throw ProblemException.invalid("url", refusal);
        }
        return url.strip();
    }

    private static String[] checkedEvents(List<String> events) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (EventType.of(events.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("events[" + i + "]", "must be one of " + EventType.NAMES));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new LinkedHashSet<>(events).toArray(new String[0]);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
