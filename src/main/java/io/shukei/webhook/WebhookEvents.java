package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.round.RoundChange;
import io.shukei.round.RoundService;
import io.shukei.round.RoundStatus;
import io.shukei.submission.SheetStored;
import io.shukei.unit.UnitService;

/**
 * Records webhook events in the transaction of the change that causes them (a transactional outbox),
 * observing the changes the features announce: an event exists exactly when its change is committed. The worker delivers it later, so a slow or
 * absent receiver never delays the change. Payloads name ids and a link, never answers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class WebhookEvents {

    private final DeliveryRepository deliveries;
    private final UnitService units;
    private final ObjectMapper mapper;

    WebhookEvents(DeliveryRepository deliveries, UnitService units, ObjectMapper mapper) {
        this.deliveries = deliveries;
        this.units = units;
        this.mapper = mapper;
    }

    /** The signed body of every event. */
    record Payload(String type, OffsetDateTime timestamp, Object data) {
    }

    record SheetData(long roundId, long unitId, int revision, String link) {
    }

    record RoundData(long roundId, long scopeUnitId, RoundStatus status, int revision, String link) {
    }

    /** Who joined and who left; the link lists the round with its participants' progress. */
    record ParticipantsData(long roundId, long scopeUnitId, RoundStatus status, int revision, List<Long> added,
                            List<Long> removed, String link) {
    }

    /** A sheet revision was stored; the first sheet of the last missing participant also completes the round. */
    void sheetStored(@Observes SheetStored stored) {
        RoundService.SheetAdmission round = stored.round();
        int revision = stored.revision();
        boolean created = stored.created();
        long roundId = round.roundId();
        long unitId = round.unit().id();
        record(created ? EventType.SUBMISSION_CREATED : EventType.SUBMISSION_UPDATED, round.unit().path(),
                new SheetData(roundId, unitId, revision, "/api/v1/rounds/" + roundId + "/submissions/" + unitId));
        if (created && deliveries.roundComplete(roundId)) {
            record(EventType.ROUND_COMPLETED, roundId, round.scopeUnitId(), round.status(), round.revision(), "/report");
        }
    }

    void roundChanged(@Observes RoundChange change) {
        switch (change.type()) {
            case OPENED -> record(EventType.ROUND_OPENED, change);
            case CLOSED -> record(EventType.ROUND_CLOSED, change);
            case REOPENED -> record(EventType.ROUND_REOPENED, change);
            case PARTICIPANTS_CHANGED -> record(EventType.ROUND_PARTICIPANTS_CHANGED, units.load(change.scopeUnitId()).path,
                    new ParticipantsData(change.roundId(), change.scopeUnitId(), change.status(), change.revision(),
                            change.added(), change.removed(), "/api/v1/rounds/" + change.roundId()));
        }
    }

    private void record(EventType type, RoundChange change) {
        record(type, change.roundId(), change.scopeUnitId(), change.status(), change.revision(), "");
    }

    private void record(EventType type, long roundId, long scopeUnitId, RoundStatus status, int revision, String linkSuffix) {
        record(type, units.load(scopeUnitId).path,
                new RoundData(roundId, scopeUnitId, status, revision, "/api/v1/rounds/" + roundId + linkSuffix));
    }

    private void record(EventType type, String unitPath, Object data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            deliveries.record(type, unitPath, mapper.writeValueAsString(new Payload(type.wire, now, data)), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Webhook payload not serialisable", e);
        }
    }
}
