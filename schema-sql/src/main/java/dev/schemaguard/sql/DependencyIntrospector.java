package dev.schemaguard.sql;

import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.ObjectRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the dependencies between the objects of the included schemas from {@code pg_depend} in one query.
 * Catalog rows are named as the model names them: a view's rewrite rule is the view, a trigger, a column
 * default ({@code pg_attrdef}) and a table constraint are parts of their table (a trigger on a view, of its
 * view), a domain constraint is its domain, an array type is its element type, a composite type's relation is
 * the type. Normal and automatic
 * dependencies are kept, except those between parts of the same relation (an index on its table's column).
 * Objects outside the included schemas (built-in functions and types) do not appear.
 */
public final class DependencyIntrospector {

    /** Every object the planner may name, keyed by its pg_depend address (catalog, oid, sub-id). */
    static final String DEPENDENCIES = """
            with user_namespaces as (
                select oid, nspname from pg_namespace
                where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%'
                  and nspname not like 'pg\\_temp\\_%'
            ),
            relations as (
                select c.oid, c.relkind, c.relname, n.nspname,
                       case c.relkind when 'r' then 'TABLE' when 'p' then 'TABLE' when 'v' then 'VIEW'
                                      when 'm' then 'MATERIALIZED_VIEW' when 'S' then 'SEQUENCE'
                                      when 'i' then 'INDEX' when 'I' then 'INDEX' when 'c' then 'TYPE' end as kind
                from pg_class c join user_namespaces n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'c')
            ),
            objects (classid, objid, objsubid, kind, schema_name, object_name, member) as (
                select 'pg_class'::regclass, r.oid, 0, r.kind, r.nspname, r.relname, null::name from relations r
                union all
                select 'pg_class'::regclass, r.oid, a.attnum::int,
                       case when r.relkind in ('r', 'p') then 'COLUMN' else r.kind end,
                       r.nspname, r.relname, case when r.relkind in ('r', 'p') then a.attname end
                from relations r join pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
                where r.relkind in ('r', 'p', 'v', 'm', 'c')
                union all
                select 'pg_rewrite'::regclass, w.oid, 0, r.kind, r.nspname, r.relname, null
                from pg_rewrite w join relations r on r.oid = w.ev_class and r.relkind in ('v', 'm')
                union all
                select 'pg_trigger'::regclass, t.oid, 0, 'TRIGGER', r.nspname, r.relname, t.tgname
                from pg_trigger t join relations r on r.oid = t.tgrelid where not t.tgisinternal
                union all
                select 'pg_attrdef'::regclass, d.oid, 0, 'COLUMN', r.nspname, r.relname, a.attname
                from pg_attrdef d join relations r on r.oid = d.adrelid
                join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                union all
                select 'pg_constraint'::regclass, k.oid, 0, 'CONSTRAINT', r.nspname, r.relname, k.conname
                from pg_constraint k join relations r on r.oid = k.conrelid
                union all
                select 'pg_constraint'::regclass, k.oid, 0, 'TYPE', n.nspname, t.typname, null
                from pg_constraint k join pg_type t on t.oid = k.contypid join user_namespaces n on n.oid = t.typnamespace
                union all
                select 'pg_type'::regclass, t.oid, 0, 'TYPE', n.nspname, coalesce(e.typname, t.typname), null
                from pg_type t join user_namespaces n on n.oid = t.typnamespace
                left join pg_type e on e.oid = t.typelem and e.typarray = t.oid
                where t.typtype in ('e', 'd', 'c', 'b', 'r', 'm')
                  and (t.typrelid = 0 or exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c'))
                union all
                select 'pg_proc'::regclass, p.oid, 0, 'ROUTINE', n.nspname,
                       quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')', null
                from pg_proc p join user_namespaces n on n.oid = p.pronamespace
                union all
                select 'pg_collation'::regclass, c.oid, 0, 'COLLATION', n.nspname, c.collname, null
                from pg_collation c join user_namespaces n on n.oid = c.collnamespace
                union all
                select 'pg_policy'::regclass, p.oid, 0, 'POLICY', r.nspname, r.relname, p.polname
                from pg_policy p join relations r on r.oid = p.polrelid
                union all
                select 'pg_namespace'::regclass, n.oid, 0, 'SCHEMA', null, n.nspname, null from user_namespaces n
                union all
                select 'pg_extension'::regclass, x.oid, 0, 'EXTENSION', null, x.extname, null from pg_extension x
            )
            select distinct dep.kind as dependent_kind, dep.schema_name as dependent_schema,
                   dep.object_name as dependent_name, dep.member as dependent_member,
                   ref.kind as referenced_kind, ref.schema_name as referenced_schema,
                   ref.object_name as referenced_name, ref.member as referenced_member
            from pg_depend d
            join objects dep on dep.classid = d.classid and dep.objid = d.objid and dep.objsubid = d.objsubid
            join objects ref on ref.classid = d.refclassid and ref.objid = d.refobjid and ref.objsubid = d.refobjsubid
            where d.deptype in ('n', 'a')
              and not (dep.kind = ref.kind and dep.schema_name is not distinct from ref.schema_name
                       and dep.object_name = ref.object_name and dep.member is not distinct from ref.member)
              and not (dep.schema_name = ref.schema_name and dep.object_name = ref.object_name
                       and ((dep.kind in ('COLUMN', 'CONSTRAINT', 'INDEX') and ref.kind in ('TABLE', 'COLUMN'))
                            or (dep.kind in ('TRIGGER', 'POLICY') and ref.kind = 'TABLE')))
            order by 1, 2, 3, 4, 5, 6, 7, 8
            """;

    private final IntrospectionOptions options;

    public DependencyIntrospector(IntrospectionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The dependencies between objects of the included schemas, sorted, each listed once. */
    public List<Dependency> read(Connection connection) throws SQLException {
        Set<Dependency> dependencies = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(DEPENDENCIES);
             ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ObjectRef dependent = ref(row, "dependent");
                ObjectRef referenced = ref(row, "referenced");
                if (included(dependent) && included(referenced)) {
                    dependencies.add(new Dependency(dependent, referenced));
                }
            }
        } catch (SQLException e) {
            throw new SQLException("reading object dependencies from pg_depend failed: " + e.getMessage()
                    + " (check that the user may read the system catalogs)", e.getSQLState(), e);
        }
        return new ArrayList<>(dependencies);
    }

    private static ObjectRef ref(ResultSet row, String side) throws SQLException {
        return new ObjectRef(ObjectRef.Kind.valueOf(row.getString(side + "_kind")), row.getString(side + "_schema"),
                row.getString(side + "_name"), row.getString(side + "_member"));
    }

    private boolean included(ObjectRef ref) {
        String schema = ref.kind() == ObjectRef.Kind.SCHEMA ? ref.name() : ref.schema();
        return schema == null || options.includes(schema);
    }
}
