package io.shukei.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.ProblemException;
import io.shukei.round.Round;
import io.shukei.round.RoundService;
import io.shukei.security.Access;
import io.shukei.security.AuditService;
import io.shukei.unit.UnitService;

/**
 * The sign-off of a closed round's report at a node: stored with the version of the figures it approved, so that
 * a later change (the round reopened, a sheet changed, closed again) shows it as superseded rather than passing
 * it on to figures nobody approved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ApprovalService {

    private final ReportApprovalRepository approvals;
    private final ReportService reports;
    private final ReportVersion versions;
    private final RoundService rounds;
    private final UnitService units;
    private final Access access;
    private final AuditService audit;

    ApprovalService(ReportApprovalRepository approvals, ReportService reports, ReportVersion versions, RoundService rounds,
                    UnitService units, Access access, AuditService audit) {
        this.approvals = approvals;
        this.reports = reports;
        this.versions = versions;
        this.rounds = rounds;
        this.units = units;
        this.access = access;
        this.audit = audit;
    }

    /** 404 for a round or unit that does not exist or lies outside the caller's scope, 409 while the round is open. */
    @Transactional
    ApprovalResponse approve(long roundId, ApprovalRequest request) {
        if (request.unitId() != null) {
            units.require(request.unitId());
        }
        Round round = rounds.require(roundId);
        ReportService.Node node = reports.resolveNode(round, request.unitId());
        access.requireVisible(node.unit().path, "Unit", node.unit().id);
        if (round.isOpen()) {
            throw ProblemException.conflict("/problems/round-open", "Round open",
                            "Round " + round.id + " is open; its figures can still change, so close it before approving its report")
                    .inJapanese("診断 " + round.id + " は受付中で、結果がまだ変わり得ます。承認する前に締め切ってください。");
        }
        ReportApproval approval = new ReportApproval();
        approval.roundId = round.id;
        approval.unitId = node.id();
        approval.approverName = request.name().strip();
        approval.approverTitle = request.title().strip();
        approval.comment = request.comment() == null || request.comment().isBlank() ? null
                : request.comment().replace("\r\n", "\n").replace('\r', '\n').strip();
        approval.reportVersion = versions.figures(round.id, node.id());
        approval.score = reports.report(round.id, node.id(), null).score();
        approval.approvedAt = OffsetDateTime.now(ZoneOffset.UTC);
        approvals.persist(approval);
        audit.record("report.approved", "report-approval", approval.id, node.id(), node.unit().path, null, null);
        return response(approval, approval.reportVersion);
    }

    /** The approvals of the report at the node (the report's default node without one), oldest first. */
    Page<ApprovalResponse> list(long roundId, Long unitId, PageParams paging) {
        Round round = rounds.require(roundId);
        ReportService.Node node = reports.resolveNode(round, unitId);
        var query = approvals.at(round.id, node.id());
        String figures = versions.figures(round.id, node.id());
        List<ApprovalResponse> items = query.page(paging.page, paging.size).list().stream()
                .map(a -> response(a, figures)).toList();
        return Page.of(items, paging, query.count());
    }

    ApprovalResponse get(long roundId, long id) {
        Round round = rounds.require(roundId);
        ReportApproval approval = approvals.find(round.id, id)
                .orElseThrow(() -> ProblemException.notFound("Approval", id));
        access.requireVisible(units.load(approval.unitId).path, "Approval", id);
        return response(approval, versions.figures(round.id, approval.unitId));
    }

    private static ApprovalResponse response(ReportApproval a, String figures) {
        return new ApprovalResponse(a.id, a.roundId, a.unitId, a.approverName, a.approverTitle, a.comment, a.score,
                a.reportVersion, a.reportVersion.equals(figures), a.approvedAt);
    }
}
