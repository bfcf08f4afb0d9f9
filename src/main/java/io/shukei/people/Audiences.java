package io.shukei.people;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.config.ShukeiConfig;
import io.shukei.language.Language;

/** Audiences in the configured time zone (shukei.time-zone). */
@ApplicationScoped
public class Audiences {

    private final ZoneId zone;

    Audiences(ShukeiConfig config) {
        this.zone = config.timeZone();
    }

    public Audience of(Language language) {
        return new Audience(language, zone);
    }
}
