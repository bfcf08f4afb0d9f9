package io.shukei.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class SubscriptionRepository implements PanacheRepository<Subscription> {

    /** The subscriptions on units under a path, oldest first. */
    PanacheQuery<Subscription> under(String pathPrefix) {
        return find("from Subscription s where exists (select 1 from Unit u where u.id = s.unitId "
                + "and u.path like ?1) order by s.id", pathPrefix + "%");
    }

    /** Reads the subscription again and holds its row until the transaction ends, so a concurrent change is not lost. */
    void refreshLocked(Subscription subscription) {
        getEntityManager().refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
    }
}
