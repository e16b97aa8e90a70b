package dev.schemaguard.model;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * How one privilege on a schema or an object in it differs from what PostgreSQL gives that object by default:
 * granted to {@code grantee} (a role, or {@link #PUBLIC}) beyond the defaults, optionally {@code WITH GRANT
 * OPTION}; or, when {@code revoked}, one of the defaults taken away (the owner's own privileges, PUBLIC's
 * EXECUTE on routines and USAGE on types). An object whose privileges are the defaults — whether PostgreSQL
 * keeps them implicitly or someone granted them again — has no grants at all.
 *
 * <p>{@code on} names the object: a {@link ObjectRef.Kind#SCHEMA} (its name in {@code name}, no schema), a
 * table, view, materialized view, sequence, type (enum, domain, composite type) or routine (by its signature,
 * as {@link Routine#signature()}), or a {@link ObjectRef.Kind#COLUMN} of a table or view.
 */
public record Grant(ObjectRef on, String grantee, Privilege privilege, boolean withGrantOption, boolean revoked) {

    /** The grantee that stands for every role. */
    public static final String PUBLIC = "public";

    /** Sorts grants by object, grantee, then privilege: the order introspection and the YAML reader give. */
    public static final Comparator<Grant> ORDER = Comparator.comparing((Grant g) -> g.on().kind())
            .thenComparing(g -> Objects.toString(g.on().schema(), ""))
            .thenComparing(g -> g.on().name())
            .thenComparing(g -> Objects.toString(g.on().member(), ""))
            .thenComparing(Grant::revoked)
            .thenComparing(Grant::grantee)
            .thenComparing(Grant::privilege);

    public Grant {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(privilege, () -> "privilege of a grant on " + on);
        if (grantee == null || grantee.isEmpty()) {
            throw new IllegalArgumentException("a grant of " + privilege + " on " + on + " needs a grantee (a role, or public)");
        }
        if (Privilege.applicableTo(on.kind()).isEmpty()) {
            throw new IllegalArgumentException(on + " cannot have privileges; grants name a schema, table, view,"
                    + " materialized view, sequence, type, routine or column");
        }
        if (!Privilege.applicableTo(on.kind()).contains(privilege)) {
            throw new IllegalArgumentException("privilege " + privilege + " does not apply to " + kindWord(on)
                    + " " + on.name() + "; it takes " + Privilege.applicableTo(on.kind()));
        }
        if ((on.kind() == ObjectRef.Kind.SCHEMA) != (on.schema() == null)) {
            throw new IllegalArgumentException(on + ": a schema is named by its name alone, every other object with its schema");
        }
        if ((on.kind() == ObjectRef.Kind.COLUMN) != (on.member() != null)) {
            throw new IllegalArgumentException(on + ": only a column names a member (the column of its table)");
        }
        if (revoked && withGrantOption) {
            throw new IllegalArgumentException("the revoked default " + privilege + " on " + on + " cannot have a grant option");
        }
        if (PUBLIC.equals(grantee) && withGrantOption) {
            throw new IllegalArgumentException("PostgreSQL does not grant privileges to public WITH GRANT OPTION (" + on + ")");
        }
    }

    /** {@code GRANT privilege ON on TO grantee}. */
    public static Grant of(ObjectRef on, String grantee, Privilege privilege) {
        return new Grant(on, grantee, privilege, false, false);
    }

    /** A default privilege taken away: {@code REVOKE privilege ON on FROM grantee}. */
    public static Grant revokedDefault(ObjectRef on, String grantee, Privilege privilege) {
        return new Grant(on, grantee, privilege, false, true);
    }

    public Grant withGrantOption(boolean grantOption) {
        return new Grant(on, grantee, privilege, grantOption, revoked);
    }

    /** The schema the object lives in (for a schema, the schema itself). */
    public String schema() {
        return on.kind() == ObjectRef.Kind.SCHEMA ? on.name() : on.schema();
    }

    /** What identifies the grant in a model: object, grantee and privilege. */
    public Key key() {
        return new Key(on, grantee, privilege);
    }

    public record Key(ObjectRef on, String grantee, Privilege privilege) {
    }

    /** {@code SELECT on table public.orders to reporting}, {@code EXECUTE on routine public.f() from public (revoked)}. */
    public String describe() {
        return privilege + " on " + kindWord(on) + " " + objectName(on) + (revoked ? " from " : " to ") + grantee
                + (withGrantOption ? " with grant option" : "");
    }

    /** {@code table}, {@code materialized view}, {@code column}, ... */
    public static String kindWord(ObjectRef on) {
        return on.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The object's name for messages, schema-qualified: {@code public.orders}, {@code public.orders.total}, {@code app}. */
    public static String objectName(ObjectRef on) {
        if (on.kind() == ObjectRef.Kind.SCHEMA) {
            return on.name();
        }
        return on.schema() + "." + on.name() + (on.member() == null ? "" : "." + on.member());
    }
}
