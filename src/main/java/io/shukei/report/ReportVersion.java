package io.shukei.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.shukei.catalog.Catalog;
import io.shukei.plan.PlanService;

/**
 * The version of everything a round's report reads, computed in the database so that every instance
 * of the service agrees on it.
 *
 * <p>The figures: the round's revision (status, participants), the count and the sum of the revisions of its
 * sheets (a sheet is never deleted and its revision only grows, so every write changes the sum), and, while the
 * round is open, a fingerprint of its organisation's units (count, revisions, last change: names, headcounts,
 * moves, archiving, creation and deletion), which its picture and its drift follow. A closed round reads only its
 * frozen picture, so units changed after the close leave its figures alone; only a node outside the picture (named
 * as it is now) adds its own revision. An approval records the version of the figures it approved.
 *
 * <p>The report shows more than its figures: the approvals at the node, the action plan under it, and the
 * previous closed round (its figures and its plan), so its ETag covers those too. They change after a close
 * (an item marked done, a new approval), and the tag changes with them; when none of it changes, neither does
 * the tag. It reads a few index ranges and no sheet content, a fraction of the report's own query.
 */
@ApplicationScoped
class ReportVersion {

    private final ReportRepository repository;
    private final PlanService plan;
    private final Catalog catalog;

    ReportVersion(ReportRepository repository, PlanService plan, Catalog catalog) {
        this.repository = repository;
        this.plan = plan;
        this.catalog = catalog;
    }

    /** The version of the figures of the round's report at the node, as an approval records it; null for no round. */
    String figures(long roundId, long nodeId) {
        return repository.version(roundId, nodeId).map(v -> figures(v, nodeId)).orElse(null);
    }

    private String figures(ReportRepository.Version version, long nodeId) {
        return sha256(version.figures() + "|" + nodeId + "|" + catalog.version()).substring(0, 32);
    }

    /**
     * A strong entity tag (quoted) for the report of the round at the node under the policy, or null when
     * the round does not exist.
     */
    String etag(long roundId, long nodeId, String policy) {
        return repository.version(roundId, nodeId).map(version -> {
            StringBuilder fingerprint = new StringBuilder(figures(version, nodeId)).append('|').append(version.approvals())
                    .append('|').append(policy).append('|').append(plan.fingerprint(roundId, version.nodePath()));
            if (version.previous() != null) {
                repository.version(version.previous(), nodeId).ifPresent(previous -> fingerprint.append('|')
                        .append(version.previous()).append('|').append(figures(previous, nodeId)).append('|')
                        .append(plan.fingerprint(version.previous(), previous.nodePath())));
            }
            return "\"" + roundId + "-" + sha256(fingerprint.toString()).substring(0, 24) + "\"";
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
