package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class BasicPolicyRepository implements PanacheRepository<BasicPolicy> {

    /** The policy in force: the highest version. */
    Optional<BasicPolicy> current(long organisationId) {
        return find("organisationId", Sort.descending("version"), organisationId).firstResultOptional();
    }

    Optional<BasicPolicy> version(long organisationId, int version) {
        return find("organisationId = ?1 and version = ?2", organisationId, version).firstResultOptional();
    }
}
