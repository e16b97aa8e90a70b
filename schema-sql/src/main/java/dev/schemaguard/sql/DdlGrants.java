package dev.schemaguard.sql;

import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;

/**
 * The SQL text of GRANT and REVOKE statements. {@link #apply} makes a {@link Grant} true (GRANT, or REVOKE for
 * a revoked default), {@link #undo} returns the object to its default for that privilege. Both are idempotent
 * in PostgreSQL: granting what a role has, or revoking what it lacks, changes nothing.
 */
final class DdlGrants {

    private DdlGrants() {
    }

    static String apply(Grant grant) {
        return grant.revoked() ? revoke(grant) : grant(grant, grant.withGrantOption());
    }

    static String undo(Grant grant) {
        return grant.revoked() ? grant(grant, false) : revoke(grant);
    }

    /** {@code GRANT ... WITH GRANT OPTION} or {@code REVOKE GRANT OPTION FOR ...}, as {@code expected} has it. */
    static String grantOption(Grant expected) {
        return expected.withGrantOption() ? grant(expected, true)
                : "REVOKE GRANT OPTION FOR " + expected.privilege() + onObject(expected.on()) + " FROM " + grantee(expected);
    }

    private static String grant(Grant grant, boolean withGrantOption) {
        return "GRANT " + privilege(grant) + onObject(grant.on()) + " TO " + grantee(grant)
                + (withGrantOption ? " WITH GRANT OPTION" : "");
    }

    private static String revoke(Grant grant) {
        return "REVOKE " + privilege(grant) + onObject(grant.on()) + " FROM " + grantee(grant);
    }

    /** The privilege, with the column in parentheses for a column grant: {@code SELECT (email)}. */
    private static String privilege(Grant grant) {
        ObjectRef on = grant.on();
        return grant.privilege() + (on.kind() == ObjectRef.Kind.COLUMN ? " (" + Identifiers.quote(on.member()) + ")" : "");
    }

    /** {@code ON TABLE app.orders}; views, materialized views and columns are named as tables, as GRANT wants. */
    static String onObject(ObjectRef on) {
        String relation = on.schema() == null ? null : Identifiers.quote(on.schema()) + "." + Identifiers.quote(on.name());
        return switch (on.kind()) {
            case SCHEMA -> " ON SCHEMA " + Identifiers.quote(on.name());
            case TABLE, VIEW, MATERIALIZED_VIEW, COLUMN -> " ON TABLE " + relation;
            case SEQUENCE -> " ON SEQUENCE " + relation;
            case TYPE -> " ON TYPE " + relation;
            case ROUTINE -> " ON ROUTINE " + Identifiers.quote(on.schema()) + "." + plainArguments(on.name());
            default -> throw new IllegalArgumentException(on + " cannot have privileges");
        };
    }

    /**
     * A routine signature as GRANT takes it. An ordered-set aggregate's ({@code pct(double precision ORDER BY
     * anyelement)}) lists its arguments in one list, {@code pct(double precision, anyelement)}; when the aggregated
     * arguments repeat the direct ones' VARIADIC ({@code rank(VARIADIC "any" ORDER BY VARIADIC "any")}), the
     * function has that one argument.
     */
    static String plainArguments(String signature) {
        int orderBy = signature.lastIndexOf(" ORDER BY ");
        if (orderBy < 0 || !signature.endsWith(")")) {
            return signature;
        }
        String direct = signature.substring(0, orderBy);
        String aggregated = signature.substring(orderBy + " ORDER BY ".length(), signature.length() - 1);
        if (aggregated.startsWith("VARIADIC ") && direct.endsWith(aggregated)) {
            return direct + ")";
        }
        return direct + ", " + aggregated + ")";
    }

    private static String grantee(Grant grant) {
        return Grant.PUBLIC.equals(grant.grantee()) ? "PUBLIC" : Identifiers.quote(grant.grantee());
    }
}
