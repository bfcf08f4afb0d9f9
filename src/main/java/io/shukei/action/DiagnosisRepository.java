package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.shukei.round.Round;
import io.shukei.round.RoundStatus;

/** Reads rounds for the two-star diagnosis requirement; rounds themselves are written by io.shukei.round. */
@ApplicationScoped
class DiagnosisRepository implements PanacheRepository<Round> {

    /** The organisation's most recently closed round over its whole tree (a round scoped to a site does not count). */
    Optional<Round> latestClosed(long organisationId) {
        return find("scopeUnitId = ?1 and status = ?2", Sort.descending("closedAt", "id"), organisationId, RoundStatus.CLOSED)
                .firstResultOptional();
    }
}
