package io.shukei.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.shukei.api.ProblemException;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitService;

/** SECURITY ACTION is declared by a company as a whole, so only a root unit has these resources. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class Organisations {

    private final UnitService units;
    private final EntityManager em;

    Organisations(UnitService units, EntityManager em) {
        this.units = units;
        this.em = em;
    }

    /** The organisation, a 404 problem if there is no such unit, or a 422 problem naming the root of a site or department. */
    Unit require(long id) {
        return organisation(units.require(id), id);
    }

    private static Unit organisation(Unit unit, long id) {
        if (unit.parentId != null) {
            throw ProblemException.unprocessable("/problems/not-an-organisation", "Not an organisation",
                            "Unit " + id + " is a site or department; SECURITY ACTION is declared by the organisation "
                                    + "as a whole, which is unit " + unit.organisationId())
                    .with("organisationId", unit.organisationId());
        }
        return unit;
    }

    /**
     * For a change: as {@link #require} but 403 outside the caller's scope, and holds the organisation's
     * row so that its writers queue (version numbers never collide).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Unit lock(long id) {
        Unit unit = organisation(units.requireWritable(id), id);
        em.lock(unit, LockModeType.PESSIMISTIC_WRITE);
        return unit;
    }
}
