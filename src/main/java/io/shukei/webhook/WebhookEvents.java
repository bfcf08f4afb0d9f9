package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.round.RoundStatus;
import io.shukei.unit.UnitService;

/**
 * Records webhook events in the caller's transaction (a transactional outbox): an event exists
 * exactly when the change that caused it is committed. The worker delivers it later, so a slow or
 * absent receiver never delays the change. Payloads name ids and a link, never answers.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookEvents {

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
    public void sheetStored(RoundService.SheetAdmission round, int revision, boolean created) {
        long roundId = round.roundId();
        long unitId = round.unit().id();
        record(created ? EventType.SUBMISSION_CREATED : EventType.SUBMISSION_UPDATED, round.unit().path(),
                new SheetData(roundId, unitId, revision, "/api/v1/rounds/" + roundId + "/submissions/" + unitId));
        if (created && deliveries.roundComplete(roundId)) {
            record(EventType.ROUND_COMPLETED, roundId, round.scopeUnitId(), round.status(), round.revision(), "/report");
        }
    }

    public void roundOpened(Round round) {
        record(EventType.ROUND_OPENED, round, "");
    }

    /** The round was closed or reopened (call only on an actual change). */
    public void roundStatusChanged(Round round) {
        record(round.status == RoundStatus.CLOSED ? EventType.ROUND_CLOSED : EventType.ROUND_REOPENED, round, "");
    }

    /**
     * The participant set of the round changed: through the API, or because units appeared in or left its
     * scope (autoEnrol, moves).
     */
    public void participantsChanged(Round round, List<Long> added, List<Long> removed) {
        record(EventType.ROUND_PARTICIPANTS_CHANGED, units.load(round.scopeUnitId).path, new ParticipantsData(round.id,
                round.scopeUnitId, round.status, round.revision, added, removed, "/api/v1/rounds/" + round.id));
    }

    private void record(EventType type, Round round, String linkSuffix) {
        record(type, round.id, round.scopeUnitId, round.status, round.revision, linkSuffix);
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
