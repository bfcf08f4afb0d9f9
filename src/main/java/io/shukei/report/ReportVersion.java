package io.shukei.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.catalog.Catalog;

/**
 * The version of everything a round's report reads, computed in the database so that every instance
 * of the service agrees on it: the round's revision (status, participants), the count and the sum of
 * the revisions of its sheets (a sheet is never deleted and its revision only grows, so every write
 * changes the sum), and, while the round is open, a fingerprint of its organisation's units (count,
 * revisions, last change: names, headcounts, moves, archiving, creation and deletion), which its picture
 * and its drift follow. A closed round reads only its frozen picture, so units changed after the close
 * leave its tag alone; only a node outside the picture (named as it is now) adds its own revision. It
 * reads two index ranges and no sheet content, a fraction of the report's own query.
 */
@ApplicationScoped
class ReportVersion {

    private final ReportRepository repository;
    private final Catalog catalog;

    ReportVersion(ReportRepository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    /**
     * A strong entity tag (quoted) for the report of the round at the node under the policy, or null when
     * the round does not exist.
     */
    String etag(long roundId, Long unitId, String policy) {
        return repository.version(roundId, unitId).map(version -> {
            String fingerprint = version + "|" + unitId + "|" + policy + "|" + catalog.version();
            return "\"" + roundId + "-" + sha256(fingerprint).substring(0, 24) + "\"";
        }).orElse(null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
