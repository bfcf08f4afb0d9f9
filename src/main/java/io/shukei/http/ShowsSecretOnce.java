package io.shukei.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose successful answer carries a secret that is shown this once. Its answer is
 * never kept for an {@code Idempotency-Key} repeat: the repeat gets a 409 problem naming what the first
 * request created, and the secret is nowhere but in the first answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShowsSecretOnce {
}
