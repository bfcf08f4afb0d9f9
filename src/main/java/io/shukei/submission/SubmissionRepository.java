package io.shukei.submission;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.shukei.unit.Unit;

@ApplicationScoped
class SubmissionRepository implements PanacheRepository<Submission> {

    Optional<Submission> find(long roundId, long unitId) {
        return find("roundId = ?1 and unitId = ?2", roundId, unitId).firstResultOptional();
    }

    /** A current sheet with its current revision (for the comments) and its unit. */
    record Current(Submission submission, SubmissionRevision revision, Unit unit) {
    }

    /** A slice of a round's current sheets under a path prefix in tree order, read in one query whatever its size. */
    List<Current> current(long roundId, String pathPrefix, int offset, int limit) {
        return getEntityManager().createQuery(
                        "select s, r, u from Submission s, SubmissionRevision r, Unit u where r.submissionId = s.id "
                                + "and r.revision = s.revision and u.id = s.unitId and s.roundId = :round "
                                + "and u.path like :prefix order by u.path",
                        Object[].class)
                .setParameter("round", roundId)
                .setParameter("prefix", pathPrefix + "%")
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new Current((Submission) row[0], (SubmissionRevision) row[1], (Unit) row[2]))
                .toList();
    }

    long countCurrent(long roundId, String pathPrefix) {
        return getEntityManager().createQuery("select count(s) from Submission s, Unit u where u.id = s.unitId "
                        + "and s.roundId = :round and u.path like :prefix", Long.class)
                .setParameter("round", roundId).setParameter("prefix", pathPrefix + "%").getSingleResult();
    }
}
