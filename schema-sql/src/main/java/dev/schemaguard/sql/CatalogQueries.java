package dev.schemaguard.sql;

/**
 * The pg_catalog queries {@link PostgresIntrospector} runs, one per kind of object. Each reads every object
 * of its kind for all included tables at once, so the number of round trips does not grow with the number of
 * tables. All but {@link #SCHEMAS} take one parameter: the names of the included schemas as a {@code text[]}.
 *
 * <p>Expressions are read in PostgreSQL's own spelling ({@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}), which depends on the session's search_path; the introspector never changes it.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * Every schema but the system ones and those an extension owns. User schemas cannot start with
     * {@code pg_}, so that prefix covers pg_catalog, pg_toast, pg_temp_N and pg_toast_temp_N.
     */
    static final String SCHEMAS = """
            select n.nspname, obj_description(n.oid, 'pg_namespace') as comment
            from pg_namespace n
            where n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
              and not exists (select from pg_depend d
                              where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')
            order by n.nspname
            """;

    /**
     * The included tables: ordinary and partitioned tables of the given schemas, without partitions and
     * without tables an extension owns. Every query below starts from it.
     */
    private static final String INCLUDED_TABLES = """
            with included_tables as (
                select c.oid, n.nspname, c.relname
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any(?::text[])
                  and c.relkind in ('r', 'p')
                  and not c.relispartition
                  and not exists (select from pg_depend d
                                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
            )
            """;

    static final String TABLES = INCLUDED_TABLES + """
            select t.oid, t.nspname, t.relname, c.relrowsecurity, c.relforcerowsecurity,
                   obj_description(c.oid, 'pg_class') as comment
            from included_tables t
            join pg_class c on c.oid = t.oid
            order by t.nspname, t.relname
            """;

    /**
     * Columns with their type, default, collation (only where it differs from the type's), comment and, for
     * identity and serial detection, the sequence the column owns: the identity sequence first, otherwise
     * the owned sequence the default draws from. {@code element_type} is set when the column's type is an
     * array type (it is the type whose {@code typarray} points here).
     */
    static final String COLUMNS = INCLUDED_TABLES + """
            select a.attrelid, a.attname, a.attnotnull, a.attndims, a.attidentity, a.attgenerated,
                   type_namespace.nspname = 'pg_catalog' as built_in,
                   format_type(a.atttypid, a.atttypmod) as formatted_type,
                   coalesce(element_namespace.nspname, type_namespace.nspname) as type_schema,
                   coalesce(element_type.typname, column_type.typname) as type_name,
                   element_type.oid is not null as is_array,
                   pg_get_expr(ad.adbin, ad.adrelid) as default_expression,
                   column_collation.collname as collation_name,
                   collation_namespace.nspname as collation_schema,
                   col_description(a.attrelid, a.attnum) as comment,
                   owned.deptype as sequence_dependency, owned.default_uses_sequence,
                   owned.seqstart, owned.seqincrement, owned.seqmin, owned.seqmax, owned.seqcache, owned.seqcycle
            from included_tables t
            join pg_attribute a on a.attrelid = t.oid
            join pg_type column_type on column_type.oid = a.atttypid
            join pg_namespace type_namespace on type_namespace.oid = column_type.typnamespace
            left join pg_type element_type on element_type.typarray = column_type.oid
            left join pg_namespace element_namespace on element_namespace.oid = element_type.typnamespace
            left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
            left join pg_collation column_collation on column_collation.oid = a.attcollation
                                                   and a.attcollation <> column_type.typcollation
            left join pg_namespace collation_namespace on collation_namespace.oid = column_collation.collnamespace
            left join lateral (
                select d.deptype, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                       coalesce(pg_get_expr(ad.adbin, ad.adrelid)
                                = format('nextval(%L::regclass)', d.objid::regclass), false) as default_uses_sequence
                from pg_depend d
                join pg_sequence s on s.seqrelid = d.objid
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                  and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype in ('a', 'i')
                order by d.deptype = 'i' desc, default_uses_sequence desc
                limit 1
            ) owned on true
            where a.attnum > 0 and not a.attisdropped
            order by a.attrelid, a.attnum
            """;

    /**
     * Constraints with their key columns (and referenced columns) by name in key order. The referenced
     * table of a foreign key may lie outside the included schemas, so its column names are looked up here.
     */
    static String constraints(int majorVersion) {
        return INCLUDED_TABLES + """
                select c.conrelid, c.conname, c.contype, c.condeferrable, c.condeferred, c.connoinherit,
                       array(select a.attname::text
                             from unnest(c.conkey) with ordinality as k(attnum, n)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                             order by k.n) as columns,
                       referenced_namespace.nspname as referenced_schema,
                       referenced.relname as referenced_table,
                       array(select a.attname::text
                             from unnest(c.confkey) with ordinality as k(attnum, n)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
                             order by k.n) as referenced_columns,
                       c.confupdtype, c.confdeltype, c.confmatchtype,
                       pg_get_constraintdef(c.oid) as definition,
                       %s as nulls_not_distinct
                from included_tables t
                join pg_constraint c on c.conrelid = t.oid
                left join pg_class referenced on referenced.oid = c.confrelid
                left join pg_namespace referenced_namespace on referenced_namespace.oid = referenced.relnamespace
                left join pg_index backing_index on backing_index.indexrelid = c.conindid and c.contype = 'u'
                order by c.conrelid, c.conname
                """.formatted(nullsNotDistinct(majorVersion, "backing_index"));
    }

    /**
     * Indexes that back no primary key, unique or exclusion constraint of their own table, one row per
     * index column (key columns first, then INCLUDE columns). A foreign key's {@code conindid} names an
     * index of the referenced table, hence the {@code conrelid} condition.
     */
    static String indexes(int majorVersion) {
        return INCLUDED_TABLES + """
                select i.indrelid, index_class.relname as index_name, i.indisunique, am.amname, i.indnkeyatts,
                       %s as nulls_not_distinct,
                       pg_get_expr(i.indpred, i.indrelid) as predicate,
                       k.n as position,
                       a.attname,
                       case when i.indkey[k.n - 1] = 0 then pg_get_indexdef(i.indexrelid, k.n, true) end as expression,
                       case when k.n <= i.indnkeyatts then i.indoption[k.n - 1] else 0 end as options,
                       opclass.opcname, opclass_namespace.nspname as opclass_schema, opclass.opcdefault
                from included_tables t
                join pg_index i on i.indrelid = t.oid
                join pg_class index_class on index_class.oid = i.indexrelid
                join pg_am am on am.oid = index_class.relam
                cross join lateral generate_series(1, i.indnatts) as k(n)
                left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n - 1]
                                        and i.indkey[k.n - 1] <> 0
                left join pg_opclass opclass on opclass.oid = i.indclass[k.n - 1] and k.n <= i.indnkeyatts
                left join pg_namespace opclass_namespace on opclass_namespace.oid = opclass.opcnamespace
                where not exists (select from pg_constraint c
                                  where c.conindid = i.indexrelid and c.conrelid = i.indrelid
                                    and c.contype in ('p', 'u', 'x'))
                order by i.indrelid, index_class.relname, k.n
                """.formatted(nullsNotDistinct(majorVersion, "i"));
    }

    /** Policies; role 0 in {@code polroles} is PUBLIC. */
    static final String POLICIES = INCLUDED_TABLES + """
            select p.polrelid, p.polname, p.polpermissive, p.polcmd,
                   array(select coalesce(r.rolname::text, 'public')
                         from unnest(p.polroles) as role_oid(oid)
                         left join pg_roles r on r.oid = role_oid.oid and role_oid.oid <> 0
                         order by 1) as roles,
                   pg_get_expr(p.polqual, p.polrelid) as using_expression,
                   pg_get_expr(p.polwithcheck, p.polrelid) as with_check_expression
            from included_tables t
            join pg_policy p on p.polrelid = t.oid
            order by p.polrelid, p.polname
            """;

    /** {@code pg_index.indnullsnotdistinct} exists from PostgreSQL 15 on; before, nulls were always distinct. */
    private static String nullsNotDistinct(int majorVersion, String indexAlias) {
        return majorVersion >= 15 ? "coalesce(" + indexAlias + ".indnullsnotdistinct, false)" : "false";
    }
}
