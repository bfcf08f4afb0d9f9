package io.shukei.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
@Transactional(Transactional.TxType.SUPPORTS)
class ReportVersion {

    private final EntityManager em;
    private final Catalog catalog;

    ReportVersion(EntityManager em, Catalog catalog) {
        this.em = em;
        this.catalog = catalog;
    }

    /**
     * A strong entity tag (quoted) for the report of the round at the node under the policy, or null when
     * the round does not exist.
     */
    String etag(long roundId, Long unitId, String policy) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                        SELECT concat_ws('/', r.revision, r.updated_at,
                               (SELECT concat_ws('.', count(*), sum(s.revision)) FROM submission s WHERE s.round_id = r.id),
                               CASE WHEN r.status = 'OPEN' THEN
                                   (SELECT concat_ws('.', count(*), sum(u.revision), max(u.updated_at))
                                    FROM unit u WHERE u.path LIKE '/' || split_part(scope.path, '/', 2) || '/%')
                               ELSE
                                   (SELECT CAST(n.revision AS text) FROM unit n WHERE n.id = :node AND NOT EXISTS
                                       (SELECT 1 FROM round_unit ru WHERE ru.round_id = r.id AND ru.unit_id = n.id))
                               END)
                        FROM round r JOIN unit scope ON scope.id = r.scope_unit_id
                        WHERE r.id = :round""")
                .setParameter("round", roundId)
                .setParameter("node", unitId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        String fingerprint = rows.get(0) + "|" + unitId + "|" + policy + "|" + catalog.version();
        return "\"" + roundId + "-" + sha256(fingerprint).substring(0, 24) + "\"";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
