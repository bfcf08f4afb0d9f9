package io.shukei.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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

    /** A sheet revision was stored; the first sheet of the last missing participant also completes the round. */
    public void sheetStored(RoundService.SheetAdmission round, int revision, boolean created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundId", round.roundId());
        data.put("unitId", round.unit().id());
        data.put("revision", revision);
        data.put("link", "/api/v1/rounds/" + round.roundId() + "/submissions/" + round.unit().id());
        record(created ? EventType.SUBMISSION_CREATED : EventType.SUBMISSION_UPDATED, round.unit().path(), data);
        if (created && deliveries.roundComplete(round.roundId())) {
            record(EventType.ROUND_COMPLETED, round.roundId(), round.scopeUnitId(), round.status(), round.revision(), "/report");
        }
    }

    public void roundOpened(Round round) {
        record(EventType.ROUND_OPENED, round, "");
    }

    /** The round was closed or reopened (call only on an actual change). */
    public void roundStatusChanged(Round round) {
        record(round.status == RoundStatus.CLOSED ? EventType.ROUND_CLOSED : EventType.ROUND_REOPENED, round, "");
    }

    private void record(EventType type, Round round, String linkSuffix) {
        record(type, round.id, round.scopeUnitId, round.status, round.revision, linkSuffix);
    }

    private void record(EventType type, long roundId, long scopeUnitId, RoundStatus status, int revision, String linkSuffix) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roundId", roundId);
        data.put("scopeUnitId", scopeUnitId);
        data.put("status", status);
        data.put("revision", revision);
        data.put("link", "/api/v1/rounds/" + roundId + linkSuffix);
        record(type, units.load(scopeUnitId).path, data);
    }

    private void record(EventType type, String unitPath, Map<String, Object> data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.wire);
        payload.put("timestamp", now);
        payload.put("data", data);
        try {
            deliveries.record(id, type, unitPath, mapper.writeValueAsString(payload), now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Webhook payload not serialisable", e);
        }
    }
}
