package io.shukei.action;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.language.Language;
import io.shukei.problem.ProblemException;
import io.shukei.unit.Unit;
import io.shukei.unit.UnitKind;
import io.shukei.unit.UnitNamed;
import io.shukei.unit.UnitService;

/**
 * SECURITY ACTION is declared by a company (a legal entity) as a whole, so only a unit of kind COMPANY has
 * these resources: a company at the top of its tree, or a member company of a group or association.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class Organisations {

    private final UnitService units;

    Organisations(UnitService units) {
        this.units = units;
    }

    /** The company, a 404 problem if there is no such unit, or a 422 problem naming the company a unit belongs to. */
    Unit require(long id) {
        return company(units.require(id));
    }

    /** A group or association, for its table of member companies: 404 if unseen, 422 for another kind. */
    Unit requireGroup(long id) {
        Unit unit = units.require(id);
        if (unit.kind != UnitKind.GROUP) {
            throw ProblemException.unprocessable("/problems/not-a-group", "Not a group",
                            "Unit " + label(unit, Language.EN) + " is a " + unit.kind
                                    + "; only a group or association has member companies")
                    .inJapanese(label(unit, Language.JA) + "はグループや団体ではないため、会員企業の一覧はありません。");
        }
        return unit;
    }

    private Unit company(Unit unit) {
        if (unit.kind == UnitKind.COMPANY) {
            return unit;
        }
        if (unit.kind == UnitKind.GROUP) {
            throw ProblemException.unprocessable("/problems/not-an-organisation", "Not a company",
                            "Unit " + label(unit, Language.EN) + " is a group; each of its member companies declares "
                                    + "SECURITY ACTION on its own (GET /api/v1/units/" + unit.id + "/member-companies)")
                    .inJapanese(label(unit, Language.JA) + "はグループや団体です。SECURITY ACTION は会員企業がそれぞれ宣言します"
                            + "(GET /api/v1/units/" + unit.id + "/member-companies)。");
        }
        Optional<Unit> company = units.enclosing(unit, UnitKind.COMPANY);
        String companyEn = company.map(c -> ", which is " + label(c, Language.EN)).orElse("");
        String companyJa = company.map(c -> "(" + label(c, Language.JA) + ")").orElse("");
        ProblemException refusal = ProblemException.unprocessable("/problems/not-an-organisation", "Not a company",
                        "Unit " + label(unit, Language.EN) + " is a " + unit.kind.name().toLowerCase(java.util.Locale.ROOT)
                                + "; SECURITY ACTION is declared by the company as a whole" + companyEn)
                .inJapanese(label(unit, Language.JA) + "は事業所・部署です。SECURITY ACTION は会社全体" + companyJa + "で宣言します。");
        company.ifPresent(c -> refusal.with("organisationId", c.id));
        throw refusal;
    }

    /**
     * For a change: as {@link #require}, and holds the company's
     * row so that its writers queue (version numbers never collide).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Unit lock(long id) {
        Unit unit = company(units.require(id));
        units.lock(unit);
        return unit;
    }

    private static String label(Unit unit, Language language) {
        return UnitNamed.label(unit.code, unit.name, language);
    }
}
