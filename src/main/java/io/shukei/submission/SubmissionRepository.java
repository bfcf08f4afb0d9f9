package io.shukei.submission;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class SubmissionRepository implements PanacheRepository<Submission> {

    Optional<Submission> find(long roundId, long unitId) {
        return find("roundId = ?1 and unitId = ?2", roundId, unitId).firstResultOptional();
    }
}
