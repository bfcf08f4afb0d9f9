package io.shukei.action;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.catalog.Catalog;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.ProblemException;
import io.shukei.report.ReportResponse;
import io.shukei.report.ReportService;
import io.shukei.security.AuditService;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitKind;
import io.shukei.unit.UnitService;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class SecurityActionService {

    /** The latest calendar date anywhere on earth (UTC+14): a publication dated later has not happened yet. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final Organisations organisations;
    private final CommitmentRepository commitments;
    private final PublicationRepository publications;
    private final DiagnosisRepository diagnoses;
    private final BasicPolicyService policies;
    private final ReportService reports;
    private final AuditService audit;
    private final UnitService units;

    SecurityActionService(Organisations organisations, CommitmentRepository commitments, PublicationRepository publications,
                          DiagnosisRepository diagnoses, BasicPolicyService policies, ReportService reports,
                          AuditService audit, UnitService units) {
        this.audit = audit;
        this.units = units;
        this.organisations = organisations;
        this.commitments = commitments;
        this.publications = publications;
        this.diagnoses = diagnoses;
        this.policies = policies;
        this.reports = reports;
    }

    /** The status, the report of the latest closed round and the policy in force, read together. */
    record Assessment(SecurityActionResponse status, ReportResponse report, BasicPolicyResponse policy) {
    }

    @Transactional
    CommitmentResponse commit(long organisationId, ActionRequests.Commit request) {
        Unit organisation = organisations.lock(organisationId);
        Commitment commitment = new Commitment();
        commitment.organisationId = organisation.id;
        commitment.committedBy = request.committedBy().strip();
        commitment.committedAt = now();
        commitments.persist(commitment);
        audit.record("security-action.committed", "commitment", commitment.id, organisation.id, organisation.path, null, null);
        return CommitmentResponse.of(commitment);
    }

    CommitmentResponse commitment(long organisationId, long commitmentId) {
        Unit organisation = organisations.require(organisationId);
        return commitments.find(organisation.id, commitmentId).map(CommitmentResponse::of)
                .orElseThrow(() -> ProblemException.notFound("Commitment", commitmentId));
    }

    /** Records where the policy in force was published; there must be a policy to publish. */
    @Transactional
    PublicationResponse publish(long organisationId, ActionRequests.Publish request) {
        Unit organisation = organisations.lock(organisationId);
        if (request.publishedOn().isAfter(LocalDate.now(EARLIEST_ZONE))) {
            throw ProblemException.invalid("publishedOn", "must not be in the future");
        }
        BasicPolicyResponse policy = policies.current(organisation.id).orElseThrow(() -> ProblemException.conflict(
                "/problems/no-basic-policy", "No basic policy", "Organisation " + organisation.id
                        + " has no basic policy to publish yet; PUT /api/v1/units/" + organisation.id + "/basic-policy first"));
        Publication publication = new Publication();
        publication.organisationId = organisation.id;
        publication.url = request.url().strip();
        publication.publishedOn = request.publishedOn();
        publication.policyVersion = policy.version();
        publication.recordedAt = now();
        publications.persist(publication);
        audit.record("basic-policy.published", "publication", publication.id, organisation.id, organisation.path,
                null, publication.policyVersion);
        return PublicationResponse.of(publication);
    }

    PublicationResponse publication(long organisationId) {
        Unit organisation = organisations.require(organisationId);
        return publications.latest(organisation.id).map(PublicationResponse::of)
                .orElseThrow(() -> new ProblemException(404, "/problems/not-found", "Not found", "Organisation "
                        + organisation.id + " has not recorded the publication of its basic policy", null));
    }

    Assessment assess(long organisationId) {
        Unit organisation = organisations.require(organisationId);
        CommitmentResponse commitment = commitments.latest(organisation.id).map(CommitmentResponse::of).orElse(null);
        DiagnosisRepository.ClosedRound round = diagnoses.latestClosed(organisation.id).orElse(null);
        ReportResponse report = round == null ? null : reports.report(round.id(), organisation.id, null);
        BasicPolicyResponse policy = policies.current(organisation.id).orElse(null);
        PublicationResponse publication = publications.latest(organisation.id).map(PublicationResponse::of).orElse(null);

        List<Catalog.Text> publicationWarnings = publication != null && publication.policyVersion() < policy.version()
                ? List.of(Wording.policyRevisedSincePublication(publication.policyVersion(), policy.version()))
                : List.of();
        List<SecurityActionResponse.Requirement> requirements = List.of(
                requirement(RequirementCode.FIVE_PRINCIPLES_COMMITMENT, commitment != null, commitment, List.of()),
                diagnosis(round, report),
                requirement(RequirementCode.BASIC_POLICY, policy != null, policy == null ? null
                        : new SecurityActionResponse.PolicyEvidence(policy.version(), policy.enactedOn(), policy.createdAt()), List.of()),
                requirement(RequirementCode.POLICY_PUBLISHED, publication != null, publication, publicationWarnings));

        // Two stars stand on their own requirements (seed §2-2-1); one star needs only the commitment.
        Level level = allMet(requirements, Level.TWO_STARS) ? Level.TWO_STARS
                : allMet(requirements, Level.ONE_STAR) ? Level.ONE_STAR : Level.NONE;
        Level next = level == Level.TWO_STARS ? null : Level.values()[level.ordinal() + 1];
        List<RequirementCode> missing = requirements.stream().filter(r -> r.level() == next && !r.met())
                .map(SecurityActionResponse.Requirement::code).toList();
        SecurityActionResponse status = new SecurityActionResponse(organisation.id, organisation.name, level, level.label(),
                Wording.statement(level), next, missing, requirements, Wording.HOW_TO_DECLARE, Wording.DECLARATION_SITE, now());
        return new Assessment(status, report, policy);
    }

    /** One page of the member companies of a group, each with its own status; in tree order. */
    Page<MemberCompanyResponse> memberCompanies(long groupId, PageParams paging) {
        Unit group = organisations.requireGroup(groupId);
        List<MemberCompanyResponse> items = units.under(group, UnitKind.COMPANY, paging.page, paging.size).stream()
                .map(this::memberCompany).toList();
        return Page.of(items, paging, units.countUnder(group, UnitKind.COMPANY));
    }

    /** Every member company of a group, for the CSV table. */
    List<MemberCompanyResponse> allMemberCompanies(long groupId) {
        Unit group = organisations.requireGroup(groupId);
        return units.under(group, UnitKind.COMPANY, 0, Integer.MAX_VALUE).stream().map(this::memberCompany).toList();
    }

    private MemberCompanyResponse memberCompany(Unit company) {
        return MemberCompanyResponse.of(company.id, company.code, assess(company.id));
    }

    /** Met by the latest closed round over the whole organisation with at least one sheet; no score is asked for. */
    private static SecurityActionResponse.Requirement diagnosis(DiagnosisRepository.ClosedRound round,
                                                                ReportResponse report) {
        if (round == null) {
            return requirement(RequirementCode.SELF_DIAGNOSIS, false, null, List.of());
        }
        List<Catalog.Text> warnings = new ArrayList<>();
        ReportResponse.Coverage coverage = report.coverage();
        if (report.score() == null) {
            warnings.add(Wording.NO_SHEET);
        } else if (coverage.submitted() < coverage.expected()) {
            warnings.add(Wording.incompleteCoverage(coverage.submitted(), coverage.expected()));
        }
        if (report.unknownAnswers() > 0) {
            warnings.add(Wording.unknownAnswers(Math.toIntExact(report.unknownAnswers())));
        }
        var evidence = new SecurityActionResponse.Diagnosis(round.id(), round.title(), round.closedAt(), report.score(),
                report.band(), coverage.expected(), coverage.submitted(), Math.toIntExact(report.unknownAnswers()), Wording.NO_PASS_MARK);
        return requirement(RequirementCode.SELF_DIAGNOSIS, report.score() != null, evidence, warnings);
    }

    private static SecurityActionResponse.Requirement requirement(RequirementCode code, boolean met, Object evidence,
                                                                  List<Catalog.Text> warnings) {
        return new SecurityActionResponse.Requirement(code, code.level(), met, code.title(), evidence, warnings);
    }

    private static boolean allMet(List<SecurityActionResponse.Requirement> requirements, Level level) {
        return requirements.stream().filter(r -> r.level() == level).allMatch(SecurityActionResponse.Requirement::met);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
