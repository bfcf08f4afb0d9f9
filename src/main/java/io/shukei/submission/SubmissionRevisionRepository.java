package io.shukei.submission;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class SubmissionRevisionRepository implements PanacheRepository<SubmissionRevision> {

    SubmissionRevision find(long submissionId, int revision) {
        return find("submissionId = ?1 and revision = ?2", submissionId, revision).firstResult();
    }

    List<SubmissionRevision> history(long submissionId, Page page) {
        return find("submissionId", Sort.by("revision"), submissionId).page(page).list();
    }

    long countHistory(long submissionId) {
        return count("submissionId", submissionId);
    }
}
