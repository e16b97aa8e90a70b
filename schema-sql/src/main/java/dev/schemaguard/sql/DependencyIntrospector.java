package dev.schemaguard.sql;

import dev.schemaguard.model.Dependency;
import dev.schemaguard.model.ObjectRef;

import java.sql.Connection;
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
 *
 * <p>Only what the planner uses is read ({@link PlanGraph}: what must be dropped and re-created around a
 * change, and in which order). Left out, because the planner never asks for them: dependencies on schemas
 * and extensions (neither is ever re-created around a change), and those of foreign keys (the planner drops
 * and re-creates foreign keys itself, from the model, and nothing depends on a constraint).
 */
public final class DependencyIntrospector {

    /**
     * The dependencies, named. {@code objects} names every catalog row that can take part, by catalog and oid;
     * {@code referable}, the part of them other objects can depend on (relations other than indexes, types,
     * routines, collations, text search dictionaries and configurations: an expression index, a default, a check or
     * a view that names a configuration as {@code 'english'::regconfig} depends on it, and a configuration on the
     * dictionaries it maps): nothing the planner asks about depends on an index, a rule, a trigger, a default, a
     * constraint or a policy, so pg_depend's referenced side is joined with that smaller set. A column is its
     * relation's row with pg_depend's sub-id, named at the end, so that only the columns that occur in a
     * dependency are looked up. The automatic dependencies of a default, a constraint and a policy are those on
     * their own table, column or domain, which are left out anyway, so they are skipped before any naming. A
     * composite type's row type is named from its relation, not by looking up the relation of every row type. At
     * 10,000 tables that is 85,000 of pg_depend's 240,000 rows, and the query stays under {@code jit_above_cost}.
     */
    static final String DEPENDENCIES = """
            with user_namespaces as (
                select oid, nspname::text from pg_namespace
                where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%'
                  and nspname not like 'pg\\_temp\\_%'
            ),
            relations as (
                select c.oid, c.relkind, c.reltype, c.relname::text, n.nspname,
                       case c.relkind when 'r' then 'TABLE' when 'p' then 'TABLE' when 'f' then 'TABLE' when 'v' then 'VIEW'
                                      when 'm' then 'MATERIALIZED_VIEW' when 'S' then 'SEQUENCE'
                                      when 'i' then 'INDEX' when 'I' then 'INDEX' when 'c' then 'TYPE' end as kind
                from pg_class c join user_namespaces n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I', 'c')
            ),
            referable (classid, objid, relkind, kind, schema_name, object_name) as (
                select 'pg_class'::regclass, r.oid, r.relkind, r.kind, r.nspname, r.relname from relations r
                where r.relkind not in ('i', 'I')
                union all
                select 'pg_type'::regclass, t.oid, null, 'TYPE', n.nspname, coalesce(e.typname, t.typname)
                from pg_type t join user_namespaces n on n.oid = t.typnamespace
                left join pg_type e on e.oid = t.typelem and e.typarray = t.oid
                where t.typtype in ('e', 'd', 'b', 'r', 'm') and t.typrelid = 0
                union all
                select 'pg_type'::regclass, r.reltype, null, 'TYPE', r.nspname, r.relname from relations r
                where r.relkind = 'c'
                union all
                select 'pg_type'::regclass, r.reltype, null, r.kind, r.nspname, r.relname from relations r
                where r.relkind in ('r', 'p', 'v', 'm') and r.reltype <> 0
                union all
                select 'pg_proc'::regclass, p.oid, null, 'ROUTINE', n.nspname,
                       quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                from pg_proc p join user_namespaces n on n.oid = p.pronamespace
                union all
                select 'pg_collation'::regclass, c.oid, null, 'COLLATION', n.nspname, c.collname
                from pg_collation c join user_namespaces n on n.oid = c.collnamespace
                union all
                select 'pg_ts_dict'::regclass, d.oid, null, 'TEXT_SEARCH_DICTIONARY', n.nspname, d.dictname
                from pg_ts_dict d join user_namespaces n on n.oid = d.dictnamespace
                union all
                select 'pg_ts_config'::regclass, c.oid, null, 'TEXT_SEARCH_CONFIGURATION', n.nspname, c.cfgname
                from pg_ts_config c join user_namespaces n on n.oid = c.cfgnamespace
            ),
            objects (classid, objid, relkind, kind, schema_name, object_name, member) as (
                select classid, objid, relkind, kind, schema_name, object_name, null::text from referable
                union all
                select 'pg_class'::regclass, r.oid, r.relkind, r.kind, r.nspname, r.relname, null from relations r
                where r.relkind in ('i', 'I')
                union all
                select 'pg_rewrite'::regclass, w.oid, null, r.kind, r.nspname, r.relname, null
                from pg_rewrite w join relations r on r.oid = w.ev_class and r.relkind in ('v', 'm')
                where w.rulename = '_RETURN'
                union all
                select 'pg_rewrite'::regclass, w.oid, null, 'RULE', r.nspname, r.relname, w.rulename::text
                from pg_rewrite w join relations r on r.oid = w.ev_class
                where w.rulename <> '_RETURN'
                union all
                select 'pg_trigger'::regclass, t.oid, null, 'TRIGGER', r.nspname, r.relname, t.tgname
                from pg_trigger t join relations r on r.oid = t.tgrelid where not t.tgisinternal
                union all
                select 'pg_attrdef'::regclass, d.oid, null, 'COLUMN', r.nspname, r.relname, a.attname
                from pg_attrdef d join relations r on r.oid = d.adrelid
                join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                where exists (select from pg_depend x where x.classid = 'pg_attrdef'::regclass and x.objid = d.oid
                                                        and x.deptype = 'n')
                union all
                select 'pg_constraint'::regclass, k.oid, null, 'CONSTRAINT', r.nspname, r.relname, k.conname
                from pg_constraint k join relations r on r.oid = k.conrelid
                where k.contype <> 'f'
                union all
                select 'pg_constraint'::regclass, k.oid, null, 'TYPE', n.nspname, t.typname, null
                from pg_constraint k join pg_type t on t.oid = k.contypid join user_namespaces n on n.oid = t.typnamespace
                union all
                select 'pg_policy'::regclass, p.oid, null, 'POLICY', r.nspname, r.relname, p.polname
                from pg_policy p join relations r on r.oid = p.polrelid
            ),
            named as (
                select case when d.objsubid > 0 and dep.relkind in ('r', 'p', 'f') then 'COLUMN' else dep.kind end as dep_kind,
                       dep.schema_name as dep_schema, dep.object_name as dep_name,
                       case when d.objsubid > 0 and dep.relkind in ('r', 'p', 'f') then dep_column.attname::text
                            else dep.member end as dep_member,
                       case when d.refobjsubid > 0 and ref.relkind in ('r', 'p', 'f') then 'COLUMN' else ref.kind end as ref_kind,
                       ref.schema_name as ref_schema, ref.object_name as ref_name,
                       case when d.refobjsubid > 0 and ref.relkind in ('r', 'p', 'f') then ref_column.attname::text
                       end as ref_member
                from pg_depend d
                join objects dep on dep.classid = d.classid and dep.objid = d.objid
                join referable ref on ref.classid = d.refclassid and ref.objid = d.refobjid
                left join pg_attribute dep_column on d.objsubid > 0 and dep_column.attrelid = d.objid
                                                 and dep_column.attnum = d.objsubid
                left join pg_attribute ref_column on d.refobjsubid > 0 and ref_column.attrelid = d.refobjid
                                                 and ref_column.attnum = d.refobjsubid
                where (d.deptype = 'n' or d.deptype = 'a' and d.classid not in ('pg_attrdef'::regclass,
                                                                               'pg_constraint'::regclass,
                                                                               'pg_policy'::regclass))
                  and (d.objsubid = 0 or dep.relkind in ('r', 'p', 'f', 'v', 'm', 'c') and not dep_column.attisdropped)
                  and (d.refobjsubid = 0 or ref.relkind in ('r', 'p', 'f', 'v', 'm', 'c') and not ref_column.attisdropped)
            )
            select distinct dep_kind as dependent_kind, dep_schema as dependent_schema,
                   dep_name as dependent_name, dep_member as dependent_member,
                   ref_kind as referenced_kind, ref_schema as referenced_schema,
                   ref_name as referenced_name, ref_member as referenced_member
            from named
            where not (dep_kind = ref_kind and dep_schema is not distinct from ref_schema
                       and dep_name = ref_name and dep_member is not distinct from ref_member)
              and not (dep_schema = ref_schema and dep_name = ref_name
                       and ((dep_kind in ('COLUMN', 'CONSTRAINT', 'INDEX') and ref_kind in ('TABLE', 'COLUMN'))
                            or (dep_kind in ('TRIGGER', 'POLICY', 'RULE') and ref_kind = 'TABLE')))
            order by 1, 2, 3, 4, 5, 6, 7, 8
            """;

    private final IntrospectionOptions options;

    public DependencyIntrospector(IntrospectionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The dependencies between objects of the included schemas, sorted, each listed once. */
    public List<Dependency> read(Connection connection) throws SQLException {
        return read((what, sql, schemas, reader) -> PostgresIntrospector.query(connection, what, sql, schemas, reader),
                new SharedValues());
    }

    /** The same, with the query run by {@code reads}, each end of a dependency one instance per object. */
    List<Dependency> read(CatalogReads reads, SharedValues shared) throws SQLException {
        Set<Dependency> dependencies = new LinkedHashSet<>();
        reads.query("object dependencies", DEPENDENCIES, null, row -> {
            ObjectRef dependent = ref(row, "dependent", shared);
            ObjectRef referenced = ref(row, "referenced", shared);
            if (included(dependent) && included(referenced)) {
                dependencies.add(new Dependency(dependent, referenced));
            }
        });
        return new ArrayList<>(dependencies);
    }

    private static ObjectRef ref(ResultSet row, String side, SharedValues shared) throws SQLException {
        return shared.one(new ObjectRef(ObjectRef.Kind.valueOf(row.getString(side + "_kind")),
                shared.one(row.getString(side + "_schema")), shared.one(row.getString(side + "_name")),
                shared.one(row.getString(side + "_member"))));
    }

    private boolean included(ObjectRef ref) {
        String schema = ref.kind() == ObjectRef.Kind.SCHEMA ? ref.name() : ref.schema();
        return schema == null || options.includes(schema);
    }
}
