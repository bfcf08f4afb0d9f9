package io.shukei.unit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shukei.problem.Problem;
import io.shukei.problem.ProblemException;
import io.shukei.security.AuditService;

/**
 * The unit tree under a unit as one file: exported, and imported in one transaction that creates, renames, moves,
 * re-kinds, archives and unarchives units so that the tree is what the file says. Units are matched by code, so
 * codes are unique in the tree under the unit (the file refers to parents by code). The same rules as one unit at a
 * time hold (codes, names, headcounts, kinds under their parents); open rounds follow through the same
 * {@link UnitChange} events, one per moved, updated, archived or unarchived unit and one per new subtree.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class UnitTreeService {

    /** Errors listed at most; every one is counted. */
    static final int MAX_ERRORS = 10_000;
    /**
     * Units one import plans at most, the file's rows and the units already under the unit together: the plan holds
     * them all on the heap (about 100 MB for 200,000 with deploy/jvm.options's 128 MB heap), so a larger import is
     * refused before it is read into the plan, not left to run the heap out.
     */
    static final int MAX_PLAN = 200_000;
    /** Changes listed at most: every unit of the largest plan. */
    static final int MAX_CHANGES = MAX_PLAN;
    /** Levels below the top of the organisation, which keeps a unit's path within its column. */
    static final int MAX_DEPTH = 50;
    /** Units written by one import from which the database's statistics of the tree are renewed with it. */
    private static final int RESTATE = 1_000;
    /** How long one statement of an import may run (the service's own limit is for requests of one unit). */
    private static final Duration LONG_STATEMENTS = Duration.ofSeconds(60);

    private static final Pattern CODE = Pattern.compile(UnitRequests.CODE_PATTERN);
    private static final Pattern NAME = Pattern.compile(UnitRequests.NAME_PATTERN);
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private final UnitRepository units;
    private final UnitService unitService;
    private final AuditService audit;
    private final Event<UnitChange> changes;

    UnitTreeService(UnitRepository units, UnitService unitService, AuditService audit, Event<UnitChange> changes) {
        this.units = units;
        this.unitService = unitService;
        this.audit = audit;
        this.changes = changes;
    }

    /** The unit an export starts from, as the export needs it. */
    record Scope(long id, String path, String code) {
    }

    /** The unit an export starts from: 404 when it does not exist or lies outside the caller's scope. */
    Scope exported(long id) {
        Unit unit = unitService.require(id);
        return new Scope(unit.id, unit.path, unit.code);
    }

    /** The unit an import goes under: 404 when it does not exist, 403 outside the caller's scope. */
    void requireImportable(long id) {
        unitService.require(id);
    }

    /**
     * Writes the active tree under the unit in tree order (parents before their children). A unit under an archived
     * one is left out with it, so that every row's parent is in the file. One statement reads the tree; the file
     * is written after it, outside any transaction.
     */
    void export(Scope scope, FileWriter file, OutputStream out) throws IOException {
        List<UnitRepository.ExportRow> tree = units.tree(scope.path(), scope.id());
        Set<Long> written = new HashSet<>(tree.size() * 2);
        file.write(rows -> {
            for (UnitRepository.ExportRow row : tree) {
                if (!row.archived() && (row.parentId() == scope.id() || written.contains(row.parentId()))) {
                    written.add(row.id());
                    rows.accept(new UnitFile.Entry(row.code(), row.name(), row.parentCode(), row.kind(), row.headcount()));
                }
            }
        }, out);
    }

    /** One of UnitFile's writers. */
    @FunctionalInterface
    interface FileWriter {
        void write(Consumer<Consumer<UnitFile.Entry>> rows, OutputStream out) throws IOException;
    }

    /**
     * Makes the tree under the unit what the file says, or, in a dry run, tells what that would change and changes
     * nothing. A file with errors changes nothing either: a dry run lists them, an import answers 400 with them.
     */
    @Transactional
    UnitImportResponse importTree(long scopeId, List<UnitFile.Line> lines, boolean dryRun) {
        Unit scope = unitService.require(scopeId);
        if (scope.isArchived()) {
            throw ProblemException.conflict("/problems/unit-archived", "Unit archived",
                    "Unit " + UnitService.label(scope) + " is archived; units are imported under an active unit");
        }
        if (!dryRun) {
            // Creations under the unit itself wait for this import (they lock the parent), and so does every change
            // to a unit of the tree (its row is locked as the tree is read).
            unitService.lock(scope);
        }
        units.flush();
        units.allowLongStatements(LONG_STATEMENTS);
        long existing = units.countUnder(scope.path);
        if (existing + lines.size() > MAX_PLAN) {
            throw new ProblemException(413, "/problems/import-too-large", "Import too large", "The tree under "
                    + UnitService.label(scope) + " has " + existing + " units and the file " + lines.size() + " rows; an "
                    + "import plans at most " + MAX_PLAN + " units at once: import one subtree at a time", null)
                    .inJapanese(UnitService.label(scope) + "の下には " + existing + " 件の部署があり、ファイルは " + lines.size()
                            + " 行です。一度に取り込めるのは合わせて " + MAX_PLAN + " 件までです。下位の組織ごとに分けて取り込んでください。");
        }
        Plan plan = new Plan(scope, units.subtree(scope.path, !dryRun));
        plan.read(lines);
        plan.resolve();
        if (plan.errorCount > 0) {
            if (dryRun) {
                return plan.response(true, List.of());
            }
            throw invalid(plan);
        }
        List<UnitImportResponse.Change> listed = plan.changes();
        if (!dryRun) {
            apply(plan);
            listed = plan.changes();
        }
        return plan.response(dryRun, listed);
    }

    private static ProblemException invalid(Plan plan) {
        List<Problem.FieldError> errors = plan.errors.stream()
                .map(e -> new Problem.FieldError("rows[" + e.row() + "]" + (e.column() == null ? "" : "." + e.column()),
                        e.message()))
                .toList();
        Problem.FieldError first = errors.get(0);
        return new ProblemException(400, "/problems/validation", "Invalid request", plan.errorCount
                + (plan.errorCount == 1 ? " error" : " errors") + " in the file, nothing was changed; the first: "
                + first.field() + ": " + first.message(), errors);
    }

    private void apply(Plan plan) {
        OffsetDateTime now = UnitService.now();
        // Level by level, so that the new units of one level (an organisation's departments) have ids that follow
        // one another, in tree order within the level.
        List<Node> fresh = plan.inTreeOrder().stream().filter(n -> n.existing == null)
                .sorted(Comparator.comparingInt(n -> n.depth)).toList();
        long[] ids = units.newIds(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = ids[i];
        }
        List<UnitRepository.Written> inserts = new ArrayList<>(fresh.size());
        List<UnitRepository.Written> updates = new ArrayList<>();
        List<AuditService.UnitRevision> created = new ArrayList<>(fresh.size());
        List<AuditService.UnitRevision> updated = new ArrayList<>();
        for (Node n : plan.inTreeOrder()) {
            Node parent = n.parent;
            n.path = (parent == null ? plan.scope.path : parent.path) + n.id + "/";
            long parentId = parent == null ? plan.scope.id : parent.id;
            if (n.existing == null) {
                inserts.add(new UnitRepository.Written(n.id, parentId, n.path, n.line.code(), n.name, n.headcount, n.kind,
                        false, 1));
                created.add(new AuditService.UnitRevision(n.id, n.path, null, 1));
                continue;
            }
            UnitRepository.TreeRow was = n.existing;
            int revision = n.fields.isEmpty() ? was.revision() : was.revision() + 1;
            if (!n.fields.isEmpty() || !n.path.equals(was.path())) {
                updates.add(new UnitRepository.Written(n.id, parentId, n.path, was.code(), n.name, n.headcount, n.kind,
                        n.archived, revision));
            }
            if (!n.fields.isEmpty()) {
                updated.add(new AuditService.UnitRevision(n.id, n.path, was.revision(), revision));
            }
        }
        units.insertAll(inserts, now);
        units.updateAll(updates, now);
        if (inserts.size() + updates.size() >= RESTATE) {
            // The planner's statistics of the tree are read again with the import: until autovacuum's next pass
            // they describe the tree before it, and a round opened at once over ten times the units was planned
            // as if for the old few and ran past the statement timeout.
            units.analyze();
        }
        audit.recordEach("unit.created", created);
        audit.recordEach("unit.updated", updated);
        announce(plan);
    }

    /**
     * Tells the features that follow units (rounds) what changed, as the changes of one unit at a time would:
     * moves first (parents before children), then other updates, archiving, unarchiving, and one creation per new
     * subtree (its top), which stands for every new unit under it.
     */
    private void announce(Plan plan) {
        List<Node> order = plan.inTreeOrder();
        for (Node n : order) {
            if (n.fields.contains("parent_code")) {
                changes.fire(new UnitChange(UnitChange.Type.MOVED, n.id, n.path, n.existing.path()));
            }
        }
        for (Node n : order) {
            if (!n.fields.contains("parent_code") && (n.fields.contains("name") || n.fields.contains("kind")
                    || n.fields.contains("headcount"))) {
                changes.fire(new UnitChange(UnitChange.Type.UPDATED, n.id, n.path, n.path));
            }
        }
        for (Node n : order) {
            if (n.fields.contains("archived")) {
                changes.fire(new UnitChange(n.archived ? UnitChange.Type.ARCHIVED : UnitChange.Type.UNARCHIVED, n.id,
                        n.path, n.path));
            }
        }
        for (Node n : order) {
            if (n.existing == null && (n.parent == null || n.parent.existing != null)) {
                changes.fire(new UnitChange(UnitChange.Type.CREATED, n.id, n.path, n.path));
            }
        }
    }

    /** A unit of the tree as the file makes it: a row of the file, an existing unit, or both. */
    private static final class Node {
        final UnitFile.Line line;
        final UnitRepository.TreeRow existing;
        /** null: right under the unit imported into. */
        Node parent;
        String name;
        Integer headcount;
        UnitKind kind;
        boolean archived;
        /** Levels below the unit imported into; 0 while unknown, -1 in a cycle. */
        int depth;
        long id;
        String path;
        /** For an existing unit: what changes (name, parent_code, kind, headcount, archived). */
        List<String> fields = List.of();

        Node(UnitFile.Line line, UnitRepository.TreeRow existing) {
            this.line = line;
            this.existing = existing;
            if (existing != null) {
                this.id = existing.id();
                this.path = existing.path();
            }
        }
    }

    /** The file read against the tree: errors, then the tree it makes and what changes. */
    private static final class Plan {
        final Unit scope;
        final List<UnitRepository.TreeRow> tree;
        final List<UnitImportResponse.RowError> errors = new ArrayList<>();
        int errorCount;
        int rows;
        final List<Node> fileNodes = new ArrayList<>();
        final Map<String, Node> byCode = new HashMap<>();
        final Map<Long, Node> byId = new HashMap<>();
        List<Node> treeOrder;

        Plan(Unit scope, List<UnitRepository.TreeRow> tree) {
            this.scope = scope;
            this.tree = tree;
        }

        void error(int row, String column, String message) {
            errorCount++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new UnitImportResponse.RowError(row, column, message));
            }
        }

        /** Checks every cell and matches each row to the existing unit of its code. */
        void read(List<UnitFile.Line> lines) {
            rows = lines.size();
            Map<String, List<UnitRepository.TreeRow>> existingByCode = new HashMap<>();
            for (UnitRepository.TreeRow row : tree) {
                existingByCode.computeIfAbsent(row.code(), c -> new ArrayList<>(1)).add(row);
            }
            for (UnitFile.Line line : lines) {
                Node node = check(line, existingByCode);
                if (node != null) {
                    fileNodes.add(node);
                    byCode.put(line.code(), node);
                    if (node.existing != null) {
                        byId.put(node.existing.id(), node);
                    }
                }
            }
            for (UnitRepository.TreeRow row : tree) {
                if (!byId.containsKey(row.id())) {
                    Node absent = new Node(null, row);
                    absent.name = row.name();
                    absent.headcount = row.headcount();
                    absent.kind = row.kind();
                    absent.archived = true;
                    byId.put(row.id(), absent);
                }
            }
        }

        private Node check(UnitFile.Line line, Map<String, List<UnitRepository.TreeRow>> existingByCode) {
            int row = line.row();
            if (line.width() != UnitFile.COLUMNS.size()) {
                error(row, null, "has " + line.width() + " cells; a row has " + UnitFile.COLUMNS.size() + ": "
                        + String.join(",", UnitFile.COLUMNS));
                return null;
            }
            String code = line.code();
            boolean codeValid = false;
            if (code == null) {
                error(row, "code", "must not be empty");
            } else if (code.length() > 64 || !CODE.matcher(code).matches()) {
                error(row, "code", "at most 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
            } else if (byCode.containsKey(code)) {
                error(row, "code", "'" + code + "' is also the code on row " + byCode.get(code).line.row()
                        + "; codes are unique in the tree");
            } else if (existingByCode.getOrDefault(code, List.of()).size() > 1) {
                error(row, "code", existingByCode.get(code).size() + " units of the tree have the code '" + code
                        + "'; give each its own code first (PATCH /api/v1/units/{id})");
            } else {
                codeValid = true;
            }
            String name = line.name();
            if (name == null) {
                error(row, "name", "must not be empty");
            } else if (name.length() > 200 || !NAME.matcher(name).matches()) {
                error(row, "name", "at most 200 characters, no control characters");
            }
            if (line.parentCode() != null && line.parentCode().equals(code)) {
                error(row, "parent_code", "a unit cannot be its own parent");
            }
            UnitKind kind = null;
            if (line.kind() != null) {
                try {
                    kind = UnitKind.valueOf(line.kind().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    error(row, "kind", "must be one of " + Arrays.toString(UnitKind.values()).replaceAll("[\\[\\]]", "")
                            + ", or empty");
                }
            }
            Integer headcount = null;
            if (line.headcount() != null) {
                if (!NUMBER.matcher(line.headcount()).matches() || Integer.parseInt(line.headcount()) < 1
                        || Integer.parseInt(line.headcount()) > 10_000_000) {
                    error(row, "headcount", "must be a whole number from 1 to 10000000, or empty");
                } else {
                    headcount = Integer.parseInt(line.headcount());
                }
            }
            if (!codeValid) {
                return null;
            }
            List<UnitRepository.TreeRow> match = existingByCode.get(code);
            Node node = new Node(line, match == null ? null : match.get(0));
            node.name = name;
            node.headcount = headcount;
            node.kind = kind;
            return node;
        }

        /**
         * Finds every unit's parent, depth and kind; errors where the file's tree cannot be. Kinds are checked only
         * in a file whose rows and parents are otherwise right (a kind depends on its parent's).
         */
        void resolve() {
            for (Node n : fileNodes) {
                String parentCode = n.line.parentCode();
                if (parentCode != null) {
                    n.parent = byCode.get(parentCode);
                    if (n.parent == null) {
                        error(n.line.row(), "parent_code", "no row has the code '" + parentCode + "' (the file lists the "
                                + "whole tree under " + UnitService.label(scope) + "; an empty parent_code puts a unit "
                                + "right under it)");
                    }
                }
            }
            for (Node n : byId.values()) {
                if (n.line == null) {
                    n.parent = n.existing.parentId() == scope.id ? null : byId.get(n.existing.parentId());
                }
            }
            depths();
            if (errorCount > 0) {
                return;
            }
            kinds();
        }

        /** Depth of every unit below the unit imported into; rows whose parents form a cycle are errors. */
        private void depths() {
            int scopeDepth = scope.path.split("/").length - 1;
            List<Node> trail = new ArrayList<>();
            for (Node start : allNodes()) {
                trail.clear();
                Node n = start;
                while (n != null && n.depth == 0) {
                    n.depth = -2; // on the trail
                    trail.add(n);
                    n = n.parent;
                }
                if (n != null && n.depth == -2) {
                    // The walk came back to a unit of its own trail: the units from there on form a cycle.
                    List<Node> cycle = trail.subList(trail.indexOf(n), trail.size());
                    String rowsOfCycle = String.join(", ", cycle.stream().map(c -> String.valueOf(c.line.row())).toList());
                    for (Node c : cycle) {
                        error(c.line.row(), "parent_code", "rows " + rowsOfCycle + " are each other's parents (a cycle)");
                    }
                    trail.forEach(t -> t.depth = -1);
                    continue;
                }
                int depth = n == null ? 0 : n.depth;
                if (depth < 0) {
                    trail.forEach(t -> t.depth = -1);
                    continue;
                }
                for (int i = trail.size() - 1; i >= 0; i--) {
                    Node t = trail.get(i);
                    t.depth = ++depth;
                    if (t.line != null && scopeDepth + depth > MAX_DEPTH) {
                        error(t.line.row(), "parent_code", "the unit would sit " + (scopeDepth + depth)
                                + " levels deep; a tree has at most " + MAX_DEPTH);
                    }
                }
            }
        }

        /** Kinds top-down: the file's, else the unit's own, else the default under its parent; each must fit. */
        private void kinds() {
            for (Node n : inTreeOrder()) {
                UnitKind parentKind = n.parent == null ? scope.kind : n.parent.kind;
                if (n.line == null) {
                    if (!n.kind.allowedUnder(parentKind) && n.parent != null && n.parent.line != null) {
                        error(n.parent.line.row(), "kind", "a " + parentKind + " cannot hold " + n.kind + " '"
                                + n.existing.code() + "', which stays in the tree archived; allowed under it: "
                                + parentKind.children());
                    }
                    continue;
                }
                if (n.kind == null) {
                    n.kind = n.existing != null ? n.existing.kind() : UnitKind.defaultUnder(parentKind);
                }
                if (!n.kind.allowedUnder(parentKind)) {
                    error(n.line.row(), "kind", "a " + n.kind + " cannot sit under " + parentKind + " '"
                            + (n.parent == null ? scope.code : n.parent.line.code()) + "'; allowed under it: "
                            + parentKind.children());
                }
            }
        }

        private List<Node> allNodes() {
            List<Node> all = new ArrayList<>(fileNodes);
            byId.values().stream().filter(n -> n.line == null).forEach(all::add);
            return all;
        }

        /** Every unit of the tree as the file makes it, parents before children. */
        List<Node> inTreeOrder() {
            if (treeOrder == null) {
                int deepest = allNodes().stream().mapToInt(n -> n.depth).max().orElse(0);
                List<List<Node>> levels = new ArrayList<>();
                for (int d = 0; d <= deepest; d++) {
                    levels.add(new ArrayList<>());
                }
                allNodes().forEach(n -> levels.get(n.depth).add(n));
                treeOrder = levels.stream().flatMap(List::stream).toList();
            }
            return treeOrder;
        }

        /** What changes, unit by unit: new units, changed fields of the listed ones, archiving of the others. */
        List<UnitImportResponse.Change> changes() {
            List<UnitImportResponse.Change> listed = new ArrayList<>();
            for (Node n : fileNodes) {
                if (n.existing == null) {
                    listed.add(new UnitImportResponse.Change(n.line.row(), n.id == 0 ? null : n.id, n.line.code(),
                            UnitImportResponse.ChangeType.CREATE, List.of()));
                    continue;
                }
                UnitRepository.TreeRow was = n.existing;
                List<String> fields = new ArrayList<>(5);
                if (!n.name.equals(was.name())) {
                    fields.add("name");
                }
                Long parentId = n.parent == null ? scope.id : n.parent.existing == null ? null : n.parent.id;
                if (!Objects.equals(parentId, was.parentId())) {
                    fields.add("parent_code");
                }
                if (n.kind != was.kind()) {
                    fields.add("kind");
                }
                if (!Objects.equals(n.headcount, was.headcount())) {
                    fields.add("headcount");
                }
                if (was.archived()) {
                    fields.add("archived");
                }
                n.fields = List.copyOf(fields);
                if (!fields.isEmpty()) {
                    listed.add(new UnitImportResponse.Change(n.line.row(), n.id, n.line.code(),
                            UnitImportResponse.ChangeType.UPDATE, n.fields));
                }
            }
            for (UnitRepository.TreeRow row : tree) {
                Node n = byId.get(row.id());
                if (n.line == null && !row.archived()) {
                    n.fields = List.of("archived");
                    listed.add(new UnitImportResponse.Change(null, n.id, row.code(), UnitImportResponse.ChangeType.ARCHIVE,
                            n.fields));
                }
            }
            return listed.size() > MAX_CHANGES ? listed.subList(0, MAX_CHANGES) : listed;
        }

        UnitImportResponse response(boolean dryRun, List<UnitImportResponse.Change> listed) {
            int created = 0;
            int moved = 0;
            int updated = 0;
            int archived = 0;
            int unarchived = 0;
            int unchanged = 0;
            if (errorCount == 0) {
                for (Node n : allNodes()) {
                    if (n.line != null && n.existing == null) {
                        created++;
                    } else if (n.line != null && n.fields.isEmpty()) {
                        unchanged++;
                    }
                    moved += n.fields.contains("parent_code") ? 1 : 0;
                    updated += n.fields.contains("name") || n.fields.contains("kind") || n.fields.contains("headcount") ? 1 : 0;
                    archived += n.line == null && n.fields.contains("archived") ? 1 : 0;
                    unarchived += n.line != null && n.fields.contains("archived") ? 1 : 0;
                }
            }
            return new UnitImportResponse(dryRun, rows, created, moved, updated, archived, unarchived, unchanged, listed,
                    errorCount, List.copyOf(errors));
        }
    }
}
