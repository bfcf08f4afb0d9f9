package io.shukei.http;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Validates every property of a request body without asking Hibernate ORM first. Bean Validation runs here
 * only on request records and parameters, never on entities (Hibernate ORM validates entities with a
 * resolver of its own), so the JPA-aware resolver Quarkus installs, which asks whether each property of each
 * answer of a sheet is loaded, and the per-validation cache of its answers were pure cost on every write.
 */
@Singleton
class ValidationCost implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.traversableResolver(new TraversableResolver() {
            @Override
            public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }

            @Override
            public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
                return true;
            }
        });
        configuration.enableTraversableResolverResultCache(false);
    }
}
