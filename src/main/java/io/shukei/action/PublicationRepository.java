package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class PublicationRepository implements PanacheRepository<Publication> {

    Optional<Publication> latest(long organisationId) {
        return find("organisationId", Sort.descending("recordedAt", "id"), organisationId).firstResultOptional();
    }
}
