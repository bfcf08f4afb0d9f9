package io.shukei.problem;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A change the database refused because it would break one of its constraints (SQL state class 23): the
 * request conflicts with what is stored, so it is a 409 that says which rule, never a 500. A delete of a row
 * that other rows still refer to (a unit that an API key, a webhook subscription or a basic policy names)
 * is the usual case; a unique or check constraint met by a concurrent request is the other.
 */
final class ConstraintProblems {

    /** PostgreSQL's message and detail for a delete of a row still referred to (the table field names the referring table). */
    private static final Pattern REFERRED_TABLE = Pattern.compile("delete on table \"([a-z_]+)\"");
    private static final Pattern REFERRING_TABLE = Pattern.compile("referenced from table \"([a-z_]+)\"");

    private ConstraintProblems() {
    }

    /** The conflict the failure is, when it (or one of its causes) is a constraint violation. */
    static Optional<ProblemException> of(Throwable e) {
        return DatabaseFailures.causes(e)
                .filter(t -> t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))
                .map(t -> conflict((SQLException) t)).findFirst();
    }

    private static ProblemException conflict(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        Matcher referred = REFERRED_TABLE.matcher(server == null || server.getMessage() == null ? "" : server.getMessage());
        Matcher referring = REFERRING_TABLE.matcher(server == null || server.getDetail() == null ? "" : server.getDetail());
        if ("23503".equals(e.getSQLState()) && referred.find() && referring.find()) {
            String table = referred.group(1);
            String thing = table.replace('_', ' ');
            String by = referring.group(1).replace('_', ' ');
            return ProblemException.conflict("/problems/" + table.replace('_', '-') + "-in-use", "In use",
                            "This " + thing + " is still referred to by " + by + " records, which keep it; nothing was "
                                    + "deleted" + (table.equals("unit") ? ". Archive it instead (PATCH archived=true)" : ""))
                    .inJapanese("この" + thing + "は " + by + " の記録から参照されているため削除できません。"
                            + (table.equals("unit") ? "アーカイブしてください(PATCH archived=true)。" : ""));
        }
        String rule = server == null || server.getConstraint() == null ? "" : " (" + server.getConstraint() + ")";
        return ProblemException.conflict("/problems/conflict", "Conflict",
                        "The change conflicts with what is stored" + rule + ", perhaps by a request that came at the "
                                + "same time; nothing was changed. Read the current state and try again")
                .inJapanese("保存済みの内容と矛盾するため変更できませんでした" + rule + "。現在の状態を確認して再度お試しください。");
    }
}
