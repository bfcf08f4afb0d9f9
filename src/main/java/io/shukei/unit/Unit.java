package io.shukei.unit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A group, company, site or department; a unit without parent is the root of a tree (an organisation). */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_seq")
    @SequenceGenerator(name = "unit_seq", sequenceName = "unit_seq", allocationSize = 50)
    public Long id;

    @Column(name = "parent_id")
    public Long parentId;

    /** Ids from the root down to this unit, as {@code /1/5/12/}. */
    public String path;

    /**
     * The path's ids as numbers, kept by the database (V8): lists sort by it for tree order with siblings in
     * the order they were created.
     */
    @Column(name = "tree_order", insertable = false, updatable = false)
    public Long[] treeOrder;

    public String code;

    public String name;

    public Integer headcount;

    @Enumerated(EnumType.STRING)
    public UnitKind kind;

    @Column(name = "archived_at")
    public OffsetDateTime archivedAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public int revision;

    public boolean isArchived() {
        return archivedAt != null;
    }

    public long organisationId() {
        return Long.parseLong(path.substring(1, path.indexOf('/', 1)));
    }

    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }
}
