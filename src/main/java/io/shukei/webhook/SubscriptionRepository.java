package io.shukei.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class SubscriptionRepository implements PanacheRepository<Subscription> {
}
