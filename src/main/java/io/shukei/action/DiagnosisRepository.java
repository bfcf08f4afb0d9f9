package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.round.Round;

/** Reads rounds for the two-star diagnosis requirement; rounds themselves are written by io.shukei.round. */
@ApplicationScoped
class DiagnosisRepository implements PanacheRepository<Round> {

    /**
     * The company's most recently closed round that covered the whole company: scoped to the company itself
     * or to a group above it in which the company took part (a round scoped to one of its sites does not
     * count). Read from the rounds' own pictures, as the rounds were when closed.
     */
    Optional<Round> latestClosed(long companyId) {
        return getEntityManager().createNativeQuery("""
                        SELECT r.* FROM round r
                        JOIN round_unit c ON c.round_id = r.id AND c.unit_id = :company
                        JOIN round_unit s ON s.round_id = r.id AND s.unit_id = r.scope_unit_id
                        WHERE r.status = 'CLOSED' AND c.path LIKE s.path || '%'
                        ORDER BY r.closed_at DESC, r.id DESC LIMIT 1""", Round.class)
                .setParameter("company", companyId)
                .getResultStream().map(Round.class::cast).findFirst();
    }
}
