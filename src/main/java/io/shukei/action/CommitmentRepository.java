package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class CommitmentRepository implements PanacheRepository<Commitment> {

    Optional<Commitment> latest(long organisationId) {
        return find("organisationId", Sort.descending("committedAt", "id"), organisationId).firstResultOptional();
    }

    Optional<Commitment> find(long organisationId, long id) {
        return find("organisationId = ?1 and id = ?2", organisationId, id).firstResultOptional();
    }
}
