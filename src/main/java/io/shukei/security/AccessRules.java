package io.shukei.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which roles may call each operation (function-level authorisation), by operationId. The request
 * filter enforces it, the OpenAPI document publishes it and the tests check every operation of the
 * spec against it: an operation missing here is refused to everyone and fails the build.
 */
public final class AccessRules {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.VIEWER);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> ANSWERERS = EnumSet.of(Role.ADMIN, Role.RESPONDENT);

    private static final Map<String, Set<Role>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("getCatalog", ALL),
            Map.entry("createUnit", ADMIN),
            Map.entry("getUnit", READERS),
            Map.entry("listUnits", READERS),
            Map.entry("updateUnit", ADMIN),
            Map.entry("deleteUnit", ADMIN),
            Map.entry("exportUnitTree", READERS),
            Map.entry("exportUnitTreeCsv", READERS),
            Map.entry("exportUnitTreeXlsx", READERS),
            Map.entry("importUnitTree", ADMIN),
            Map.entry("createRound", ADMIN),
            Map.entry("getRound", ALL),
            Map.entry("listRounds", ALL),
            Map.entry("closeRound", ADMIN),
            Map.entry("reopenRound", ADMIN),
            Map.entry("replaceRoundParticipants", ADMIN),
            Map.entry("updateRound", ADMIN),
            Map.entry("addRoundParticipants", ADMIN),
            Map.entry("removeRoundParticipant", ADMIN),
            Map.entry("listMemberCompanies", READERS),
            Map.entry("createInvitations", ADMIN),
            Map.entry("listInvitations", READERS),
            Map.entry("listInvitationsCsv", READERS),
            Map.entry("renewInvitation", ADMIN),
            Map.entry("revokeInvitation", ADMIN),
            Map.entry("putSubmission", ANSWERERS),
            Map.entry("getSubmission", ALL),
            Map.entry("listSubmissionRevisions", ALL),
            Map.entry("listRoundSubmissions", ALL),
            Map.entry("listRoundSubmissionsCsv", ALL),
            Map.entry("getReport", ALL),
            Map.entry("getReportCsv", ALL),
            Map.entry("getReportXlsx", ALL),
            Map.entry("getReportHtml", ALL),
            Map.entry("getUnitTrend", ALL),
            Map.entry("approveReport", ADMIN),
            Map.entry("listReportApprovals", ALL),
            Map.entry("getReportApproval", ALL),
            Map.entry("createActionItem", ADMIN),
            Map.entry("listActionItems", ALL),
            Map.entry("getActionItem", ALL),
            Map.entry("updateActionItem", ADMIN),
            Map.entry("deleteActionItem", ADMIN),
            Map.entry("getSecurityActionStatus", READERS),
            Map.entry("createSecurityActionCommitment", ADMIN),
            Map.entry("getSecurityActionCommitment", READERS),
            Map.entry("getSecurityActionEvidence", READERS),
            Map.entry("putBasicPolicy", ADMIN),
            Map.entry("getBasicPolicy", READERS),
            Map.entry("createPolicyPublication", ADMIN),
            Map.entry("getPolicyPublication", READERS),
            Map.entry("createApiKey", ADMIN),
            Map.entry("listApiKeys", ADMIN),
            Map.entry("revokeApiKey", ADMIN),
            Map.entry("listAuditEvents", ADMIN),
            Map.entry("createWebhook", ADMIN),
            Map.entry("listWebhooks", READERS),
            Map.entry("getWebhook", READERS),
            Map.entry("updateWebhook", ADMIN),
            Map.entry("deleteWebhook", ADMIN),
            Map.entry("listWebhookDeliveries", READERS),
            Map.entry("retryWebhookDelivery", ADMIN)));

    private AccessRules() {
    }

    /** The roles allowed to call the operation; empty for an operation without a rule. */
    public static Set<Role> allowed(String operationId) {
        return RULES.getOrDefault(operationId, Set.of());
    }

    public static Map<String, Set<Role>> all() {
        return RULES;
    }
}
