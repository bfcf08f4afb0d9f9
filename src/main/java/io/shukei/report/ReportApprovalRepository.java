package io.shukei.report;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class ReportApprovalRepository implements PanacheRepository<ReportApproval> {

    /** The approvals of the round's report at the unit, oldest first. */
    PanacheQuery<ReportApproval> at(long roundId, long unitId) {
        return find("roundId = ?1 and unitId = ?2 order by id", roundId, unitId);
    }

    List<ReportApproval> all(long roundId, long unitId) {
        return at(roundId, unitId).list();
    }

    Optional<ReportApproval> find(long roundId, long id) {
        return find("roundId = ?1 and id = ?2", roundId, id).firstResultOptional();
    }
}
