package io.shukei.action;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.http.ETags;
import io.shukei.problem.ProblemException;
import io.shukei.security.AuditService;
import io.shukei.unit.Unit;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class BasicPolicyService {

    private final BasicPolicyRepository policies;
    private final Organisations organisations;
    private final AuditService audit;

    BasicPolicyService(BasicPolicyRepository policies, Organisations organisations, AuditService audit) {
        this.audit = audit;
        this.policies = policies;
        this.organisations = organisations;
    }

    /** The stored version and whether this call created the organisation's first one. */
    record Outcome(BasicPolicyResponse policy, boolean created) {
    }

    /**
     * Stores the policy as a new version. Omitted preamble and sections come from IPA's sample, so
     * the four required fields alone give the sample policy. The same policy sent again changes nothing.
     */
    @Transactional
    Outcome put(long organisationId, ActionRequests.PolicyPut request, String ifMatch) {
        if (request.preamble() != null && request.preamble().isBlank()) {
            throw ProblemException.invalid("preamble", "must not be blank; omit it for IPA's sample preamble");
        }
        Unit organisation = organisations.lock(organisationId);
        BasicPolicy current = policies.current(organisation.id).orElse(null);
        ETags.checkIfMatch(ifMatch, current == null ? null : current.version);
        BasicPolicy next = draft(organisation.id, request);
        if (current != null && sameText(current, next)) {
            return new Outcome(BasicPolicyResponse.of(current, current.version), false);
        }
        next.version = current == null ? 1 : current.version + 1;
        next.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        policies.persist(next);
        audit.record("basic-policy.versioned", "basic-policy", organisation.id, organisation.id, organisation.path,
                current == null ? null : current.version, next.version);
        return new Outcome(BasicPolicyResponse.of(next, next.version), current == null);
    }

    /** The version asked for, else the one in force; a 404 problem before the first PUT. */
    BasicPolicyResponse get(long organisationId, Integer version) {
        Unit organisation = organisations.require(organisationId);
        BasicPolicy current = policies.current(organisation.id).orElseThrow(() -> new ProblemException(404,
                "/problems/not-found", "Not found", "Organisation " + organisation.id
                + " has no basic policy yet; PUT one to start from IPA's sample", null));
        if (version == null || version == current.version) {
            return BasicPolicyResponse.of(current, current.version);
        }
        BasicPolicy older = policies.version(organisation.id, version).orElseThrow(() -> new ProblemException(404,
                "/problems/not-found", "Not found", "The basic policy of organisation " + organisation.id
                + " has no version " + version + "; the current one is " + current.version, null));
        return BasicPolicyResponse.of(older, current.version);
    }

    Optional<BasicPolicyResponse> current(long organisationId) {
        return policies.current(organisationId).map(p -> BasicPolicyResponse.of(p, p.version));
    }

    private static BasicPolicy draft(long organisationId, ActionRequests.PolicyPut request) {
        BasicPolicy p = new BasicPolicy();
        p.organisationId = organisationId;
        p.companyName = request.companyName().strip();
        p.representativeTitle = request.representativeTitle().strip();
        p.representativeName = request.representativeName().strip();
        p.enactedOn = request.enactedOn();
        p.preamble = request.preamble() == null ? BasicPolicyTemplate.preamble(p.companyName) : text(request.preamble());
        p.sections = request.sections() == null ? BasicPolicyTemplate.SECTIONS : request.sections().stream()
                .map(s -> new BasicPolicy.Section(s.heading().strip(), text(s.text()))).toList();
        return p;
    }

    /** Multi-line text with one kind of line break and no surrounding blank space. */
    private static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static boolean sameText(BasicPolicy a, BasicPolicy b) {
        return a.companyName.equals(b.companyName) && a.representativeTitle.equals(b.representativeTitle)
                && a.representativeName.equals(b.representativeName) && a.enactedOn.equals(b.enactedOn)
                && a.preamble.equals(b.preamble) && Objects.equals(List.copyOf(a.sections), List.copyOf(b.sections));
    }
}
