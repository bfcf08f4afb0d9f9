package io.shukei.round;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A unit taking part in a round; written in bulk by {@link RoundRepository}, mapped for queries. */
@Entity
@Table(name = "round_participant")
@IdClass(RoundParticipant.Key.class)
class RoundParticipant {

    @Id
    @Column(name = "round_id")
    long roundId;

    @Id
    @Column(name = "unit_id")
    long unitId;

    static class Key implements Serializable {
        long roundId;
        long unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.roundId == roundId && k.unitId == unitId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, unitId);
        }
    }
}
