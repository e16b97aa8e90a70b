package dev.schemaguard.sql;

/**
 * The pg_catalog queries {@link PostgresIntrospector} runs, one per kind of object. Each reads every object
 * of its kind in all included schemas at once, so the number of round trips does not grow with the number of
 * objects. {@link #schemas}, {@link #EXTENSIONS} and {@link #casts} take no parameter; {@link #relations}, {@link #types},
 * {@link #routines} and {@link #unsupported} take the names of the included schemas as a {@code text[]}; the
 * other queries on relations take the oids {@link #relations} returned as an {@code oid[]}. Objects an extension
 * owns (pg_depend deptype 'e') are left out everywhere.
 *
 * <p>Expressions are read in PostgreSQL's own spelling ({@code pg_get_expr}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_viewdef}, ...), which depends on the session's search_path; the
 * introspector never changes it.
 *
 * <p>Comments of objects that come by the thousand (constraints, indexes, triggers, rules, types, routines) are
 * read with a subquery on pg_description, not {@code obj_description()}: that is an SQL function, run through
 * the function executor once per row; for the 30,000 constraints of 10,000 tables it cost 160 ms of the server's
 * time, the subquery under 40 ms.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * Every schema but the system ones and those an extension owns, with its {@link #grants}, one row per
     * collation it holds (or one row with null collation columns when it holds none): collations are few, and
     * reading them here saves a round trip. User schemas cannot start with {@code pg_}, so that prefix covers
     * pg_catalog, pg_toast, pg_temp_N and pg_toast_temp_N. Where a collation keeps its locale depends on the
     * version: ICU locales are in collcollate/collctype up to PostgreSQL 14, in colliculocale in 15 and 16, and
     * ICU and builtin locales in colllocale from 17 on; libc locales always in collcollate/collctype. ICU
     * tailoring rules exist from 16 on.
     */
    static String schemas(int majorVersion, boolean grants) {
        String locale = majorVersion >= 17 ? "c.colllocale"
                : majorVersion >= 15 ? "c.colliculocale"
                : "case when c.collprovider = 'i' then c.collcollate end";
        String rules = majorVersion >= 16 ? "c.collicurules" : "null::text";
        return """
                select n.nspname, obj_description(n.oid, 'pg_namespace') as comment,
                       %s as grants,
                       c.collname, c.collprovider, c.collisdeterministic,
                       %s as collation_locale,
                       case when c.collprovider = 'c' then c.collcollate end as lc_collate,
                       case when c.collprovider = 'c' then c.collctype end as lc_ctype,
                       %s as icu_rules,
                       obj_description(c.oid, 'pg_collation') as collation_comment
                from pg_namespace n
                %s
                left join pg_collation c on c.collnamespace = n.oid and %s
                where n.nspname !~ '^pg_' and n.nspname <> 'information_schema'
                  and %s
                order by n.nspname, c.collname
                """.formatted(grants(grants, "n.nspacl", "'n'", "n.nspowner", "initial.initprivs"),
                locale, rules,
                grants ? initialPrivileges("pg_namespace", "n.oid") : "",
                notExtensionMember("pg_collation", "c.oid"),
                notExtensionMember("pg_namespace", "n.oid"));
    }

    /** Extensions are database-wide; plpgsql is left out because every database has it. */
    static final String EXTENSIONS = """
            select e.extname, n.nspname, e.extversion
            from pg_extension e
            join pg_namespace n on n.oid = e.extnamespace
            where e.extname <> 'plpgsql'
            order by e.extname
            """;

    /**
     * Foreign-data wrappers not owned by an extension and every server, one row each ({@code kind} 'wrapper' or
     * 'server'), with whether any server uses the wrapper, any foreign table the server: database-wide, like extensions. Handler and validator are schema-qualified function names. User
     * mappings are not read here (their options usually hold passwords; {@link #unsupported} names them).
     */
    static final String FOREIGN_DATA = """
            select 'wrapper' as kind, w.fdwname::text collate "C" as name,
                   case when w.fdwhandler <> 0 then format('%%I.%%I', hn.nspname, h.proname) end as handler,
                   case when w.fdwvalidator <> 0 then format('%%I.%%I', vn.nspname, v.proname) end as validator,
                   null::text as wrapper, null::text as server_type, null::text as server_version,
                   w.fdwoptions::text[] as options, obj_description(w.oid, 'pg_foreign_data_wrapper') as comment,
                   exists (select from pg_foreign_server used where used.srvfdw = w.oid) as in_use
            from pg_foreign_data_wrapper w
            left join pg_proc h on h.oid = w.fdwhandler
            left join pg_namespace hn on hn.oid = h.pronamespace
            left join pg_proc v on v.oid = w.fdwvalidator
            left join pg_namespace vn on vn.oid = v.pronamespace
            where %s
            union all
            select 'server', s.srvname::text collate "C", null, null, w.fdwname::text, s.srvtype, s.srvversion, s.srvoptions::text[],
                   obj_description(s.oid, 'pg_foreign_server'),
                   exists (select from pg_foreign_table used where used.ftserver = s.oid)
            from pg_foreign_server s
            join pg_foreign_data_wrapper w on w.oid = s.srvfdw
            where %s
            order by 1 desc, 2
            """.formatted(notExtensionMember("pg_foreign_data_wrapper", "w.oid"),
            notExtensionMember("pg_foreign_server", "s.oid"));

    /**
     * Publications, one row per published table (or one row with null table columns for a publication of none),
     * with the schemas a publication publishes whole and, from PostgreSQL 15 on, each table's column list and row
     * filter. Database-wide, like extensions; the introspector keeps the members in the included schemas.
     */
    static String publications(int majorVersion) {
        boolean fifteen = majorVersion >= 15;
        return """
            select p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot,
                   obj_description(p.oid, 'pg_publication') as comment,
                   %s as schemas,
                   member.table_schema, member.table_name, member.columns, member.row_filter
            from pg_publication p
            left join lateral (
                select n.nspname as table_schema, c.relname as table_name,
                       %s as columns,
                       %s as row_filter
                from pg_publication_rel r
                join pg_class c on c.oid = r.prrelid
                join pg_namespace n on n.oid = c.relnamespace
                where r.prpubid = p.oid
            ) member on true
            where %s
            order by p.pubname, member.table_schema, member.table_name
            """.formatted(
                fifteen ? "array(select n.nspname::text from pg_publication_namespace pn join pg_namespace n"
                        + " on n.oid = pn.pnnspid where pn.pnpubid = p.oid order by 1)" : "array[]::text[]",
                fifteen ? "case when r.prattrs is not null then array(select a.attname::text"
                        + " from unnest(r.prattrs::int2[]) with ordinality k(attnum, i)"
                        + " join pg_attribute a on a.attrelid = r.prrelid and a.attnum = k.attnum order by k.i) end"
                        : "null::text[]",
                fifteen ? "pg_get_expr(r.prqual, r.prrelid)" : "null::text",
                notExtensionMember("pg_publication", "p.oid"));
    }

    /**
     * The included relations: tables (partitions too), views, materialized views, sequences and the
     * relations behind composite types, without those an extension owns (for a composite type the extension
     * owns the type, not the relation) and without identity sequences, which are part of their column.
     * {@link #relations} selects them by schema; every later query on relations starts from the oids it
     * returned ({@link #INCLUDED_RELATIONS}).
     *
     * <p>{@code pg_my_temp_schema()} never matches an included schema; it is there because PostgreSQL runs
     * nothing that calls it in a parallel worker. Deparsing an expression with its table ({@code pg_get_expr},
     * {@code pg_get_constraintdef}, ...) builds the table's relation cache entry in the process that deparses;
     * one session builds each once, whereas every parallel worker would build them all again (at 10,000
     * tables that doubled the cost of the indexes query).
     */
    private static final String SELECTED_RELATIONS = """
            with included_relations as (
                select c.oid, n.nspname, c.relname, c.relkind
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any(?::text[]) and n.oid <> pg_my_temp_schema()
                  and c.relkind in ('r', 'p', 'f', 'v', 'm', 'S', 'c')
                  and %s
                  and %s
                  and not exists (select from pg_depend d
                                  where c.relkind = 'S' and d.classid = 'pg_class'::regclass and d.objid = c.oid
                                    and d.refclassid = 'pg_class'::regclass and d.deptype = 'i')
            )
            """.formatted(notExtensionMember("pg_class", "c.oid"), notExtensionMember("pg_type", "c.reltype"));

    /**
     * The relations {@link #relations} returned, given by oid as the query's parameter (an {@code oid[]}):
     * selecting them again would cost three pg_depend lookups per relation in every query (at 10,000 tables,
     * a third of the indexes query), and a query that joins a further catalog to such a selection runs those
     * lookups once per joined row. A relation dropped since is simply not found. {@code oid = any(...)} rather
     * than a join with {@code unnest(...)}: the planner then expects as many relations as the list holds, not a
     * fifth of them, and scans and hashes the indexes of 10,000 tables (with a parallel worker where the server
     * has one to spare) instead of looking them up one at a time (65 ms less on PostgreSQL 15; no change on 13).
     * {@code pg_my_temp_schema()} keeps the scans that filter by it, and what is computed above them (the
     * deparsing), out of parallel workers, as in {@link #SELECTED_RELATIONS}.
     */
    private static final String INCLUDED_RELATIONS = """
            with included_relations as (
                select c.oid, n.nspname, c.relname, c.relkind
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                where c.oid = any(?::oid[]) and n.oid <> pg_my_temp_schema()
            )
            """;

    /**
     * One row per included relation with what its kind needs: row security and persistence for tables, the
     * partition key ({@code RANGE (created_at)}) of a partitioned table, parent and bound of a partition, the tables a
     * table inherits from ({@code INHERITS}, in inhseqno order: oids, schemas and names), the query of a
     * view (pretty-printed, as psql's \d+ shows it), type, options and OWNED BY column of a sequence, storage
     * parameters of tables and materialized views, and the replica identity (with its index for USING INDEX).
     */
    static String relations(boolean grants) {
        return SELECTED_RELATIONS + """
            select r.oid, r.nspname, r.relname, r.relkind, c.relrowsecurity, c.relforcerowsecurity,
                   c.relpersistence = 'u' as unlogged,
                   case when r.relkind in ('r', 'p', 'm', 'v') then c.reloptions::text[] end as storage_parameters,
                   c.relreplident,
                   case when c.relreplident = 'i' then
                       (select identity_index.relname from pg_index ri join pg_class identity_index
                                                                    on identity_index.oid = ri.indexrelid
                        where ri.indrelid = r.oid and ri.indisreplident) end as replica_identity_index,
                   case when r.relkind = 'c' then %s else %s end as grants,
                   case when r.relkind = 'c' then type_comment.description
                        else relation_comment.description end as comment,
                   case when r.relkind in ('v', 'm') then pg_get_viewdef(r.oid, true) end as view_definition,
                   partitioned.partstrat,
                   case when r.relkind = 'p' then pg_get_partkeydef(r.oid) end as partition_key,
                   parent.oid as parent_oid, parent_namespace.nspname as parent_schema, parent.relname as parent_name,
                   case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
                   inherited.parent_oids, inherited.parent_schemas, inherited.parent_names,
                   format_type(s.seqtypid, null) as sequence_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   owner_table.relname as owned_by_table, owner_column.attname as owned_by_column,
                   foreign_server.srvname as foreign_server, foreign_table.ftoptions::text[] as foreign_options
            from included_relations r
            join pg_class c on c.oid = r.oid
            left join pg_foreign_table foreign_table on foreign_table.ftrelid = r.oid
            left join pg_foreign_server foreign_server on foreign_server.oid = foreign_table.ftserver
            left join pg_description relation_comment on relation_comment.objoid = r.oid
                                                     and relation_comment.classoid = 'pg_class'::regclass
                                                     and relation_comment.objsubid = 0
            left join pg_description type_comment on type_comment.objoid = c.reltype
                                                 and type_comment.classoid = 'pg_type'::regclass
                                                 and type_comment.objsubid = 0
            left join pg_partitioned_table partitioned on partitioned.partrelid = r.oid
            left join pg_inherits inheritance on inheritance.inhrelid = r.oid and c.relispartition
            left join pg_class parent on parent.oid = inheritance.inhparent
            left join pg_namespace parent_namespace on parent_namespace.oid = parent.relnamespace
            left join (
                select i.inhrelid,
                       array_agg(i.inhparent::bigint order by i.inhseqno) as parent_oids,
                       array_agg(n.nspname::text order by i.inhseqno) as parent_schemas,
                       array_agg(p.relname::text order by i.inhseqno) as parent_names
                from pg_inherits i
                join pg_class child on child.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent
                join pg_namespace n on n.oid = p.relnamespace
                where child.relkind in ('r', 'f') and not child.relispartition
                group by i.inhrelid
            ) inherited on inherited.inhrelid = r.oid
            left join pg_sequence s on s.seqrelid = r.oid
            left join pg_depend owner on owner.classid = 'pg_class'::regclass
                                     and owner.objid = s.seqrelid and owner.refclassid = 'pg_class'::regclass
                                     and owner.refobjsubid > 0 and owner.deptype = 'a'
            left join pg_class owner_table on owner_table.oid = owner.refobjid
            left join pg_attribute owner_column on owner_column.attrelid = owner.refobjid
                                               and owner_column.attnum = owner.refobjsubid
            %s
            order by r.nspname, r.relname
            """.formatted(
                grants(grants, "composite.typacl", "'T'", "composite.typowner", "null::aclitem[]"),
                grants(grants, "c.relacl", "case r.relkind when 'S' then 's' else 'r' end", "c.relowner",
                        "initial.initprivs"),
                grants ? "left join pg_type composite on composite.oid = c.reltype and r.relkind = 'c'\n"
                        + initialPrivileges("pg_class", "r.oid") : "");
    }

    /**
     * Columns of tables and attributes of composite types with their type, default, collation (only where it
     * differs from the type's), comment, whether the table declares it itself (attislocal: an inheritance child's
     * inherited columns are not) and, for identity and serial detection, the sequence the column owns:
     * the identity sequence first, otherwise the owned sequence the default draws from. The type columns
     * ({@code built_in} ... {@code attndims}) are read by {@link CatalogTypes#dataType}. With grants, also the
     * columns of views and materialized views that have column privileges (those rows carry only grants).
     *
     * <p>Types and owned sequences are each read once as a whole and joined by key (a few thousand types, a
     * row per owned sequence) rather than looked up column by column: at 10,000 tables that is 100,000
     * lookups of the element type and of pg_depend fewer. The types are a materialized CTE: inlined, they
     * led the planner to build a hash table of the 100,000 column rows. Rows come in no particular order (the introspector orders
     * each table's columns by {@code attnum}): sorting 100,000 wide rows spilled to disk under the default
     * work_mem.
     */
    static String columns(int majorVersion, boolean grants) {
        return INCLUDED_RELATIONS.stripTrailing() + """
            ,
            column_types as materialized (
                select t.oid, t.typcollation, t.typstorage, type_namespace.nspname = 'pg_catalog' as built_in,
                       coalesce(element_namespace.nspname, type_namespace.nspname)::text as type_schema,
                       coalesce(element_type.typname, t.typname)::text as type_name,
                       element_type.oid is not null as is_array
                from pg_type t
                join pg_namespace type_namespace on type_namespace.oid = t.typnamespace
                left join pg_type element_type on element_type.typarray = t.oid
                left join pg_namespace element_namespace on element_namespace.oid = element_type.typnamespace
            )
            select a.attrelid, a.attnum, a.attname::text, a.attnotnull, a.attndims, a.attidentity, a.attgenerated, a.attislocal,
                   %s as grants,
                   column_type.built_in,
                   format_type(a.atttypid, a.atttypmod) as formatted_type,
                   column_type.type_schema,
                   column_type.type_name,
                   column_type.is_array,
                   default_text.default_expression,
                   column_collation.collname as collation_name,
                   collation_namespace.nspname as collation_schema,
                   column_comment.description as comment,
                   nullif(a.attstorage, column_type.typstorage)::text as storage,
                   %s as compression,
                   owned.sequence_oid, owned.deptype as sequence_dependency, owned.default_uses_sequence,
                   owned.seqstart, owned.seqincrement, owned.seqmin, owned.seqmax, owned.seqcache, owned.seqcycle,
                   case when r.relkind = 'f' then a.attfdwoptions::text[] end as foreign_options
            from included_relations r
            join pg_attribute a on a.attrelid = r.oid
            join column_types column_type on column_type.oid = a.atttypid
            left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
            cross join lateral (
                select case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid)
                            else pg_get_expr(ad.adbin, 0) end as default_expression
            ) default_text
            left join pg_description column_comment on column_comment.objoid = a.attrelid
                                                   and column_comment.classoid = 'pg_class'::regclass
                                                   and column_comment.objsubid = a.attnum
            left join pg_collation column_collation on column_collation.oid = a.attcollation
                                                   and a.attcollation <> column_type.typcollation
            left join pg_namespace collation_namespace on collation_namespace.oid = column_collation.collnamespace
            left join (
                select distinct on (d.refobjid, d.refobjsubid)
                       d.refobjid, d.refobjsubid, d.objid as sequence_oid, d.deptype,
                       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                       coalesce(case when owner.attgenerated <> '' then pg_get_expr(owner_default.adbin, owner_default.adrelid)
                                     else pg_get_expr(owner_default.adbin, 0) end
                                = format('nextval(%%L::regclass)', d.objid::regclass), false) as default_uses_sequence
                from pg_sequence s
                join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.seqrelid
                                and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                join pg_attribute owner on owner.attrelid = d.refobjid and owner.attnum = d.refobjsubid
                left join pg_attrdef owner_default on owner_default.adrelid = d.refobjid
                                                  and owner_default.adnum = d.refobjsubid
                order by d.refobjid, d.refobjsubid, d.deptype = 'i' desc, default_uses_sequence desc
            ) owned on owned.refobjid = a.attrelid and owned.refobjsubid = a.attnum
            where (r.relkind in ('r', 'p', 'f', 'c') %s) and a.attnum > 0 and not a.attisdropped
            """.formatted(grants(grants, "a.attacl", "null", "null::oid", "null::aclitem[]"),
                majorVersion >= 14 ? "case a.attcompression when 'p' then 'pglz' when 'l' then 'lz4' end" : "null::text",
                grants ? "or (r.relkind in ('v', 'm') and a.attacl is not null)" : "");
    }

    /**
     * Constraints with their key columns by attribute number in key order ({@code conkey}, {@code confkey}),
     * which the introspector names from the columns it has read: naming them here, a pg_attribute lookup per
     * constraint, was half the query's time at 10,000 tables. The referenced table of a foreign key may lie
     * outside the included relations; only then are its column names looked up here
     * ({@code referenced_column_names}). Left out: constraints a partition or child table inherits (they belong
     * to the parent: a partition's clones have {@code conparentid}, inherited checks {@code coninhcount}; the
     * clones a foreign key referencing a partitioned table gets for each partition have {@code conparentid}
     * too) and constraint triggers, which are read as triggers.
     */
    static String constraints(int majorVersion) {
        return INCLUDED_RELATIONS + """
                select c.conrelid, c.confrelid, c.conname, c.contype, c.condeferrable, c.condeferred, c.connoinherit,
                       c.convalidated,
                       case when c.contype in ('p', 'u', 'f') then c.conkey end as key_attnums,
                       referenced_namespace.nspname as referenced_schema,
                       referenced.relname as referenced_table,
                       case when c.contype = 'f' then c.confkey end as referenced_attnums,
                       case when c.contype = 'f'
                                 and not exists (select from included_relations x where x.oid = c.confrelid) then
                           array(select a.attname::text from pg_attribute a
                                 where a.attrelid = c.confrelid and a.attnum = any(c.confkey)
                                 order by array_position(c.confkey, a.attnum)) end as referenced_column_names,
                       c.confupdtype, c.confdeltype, c.confmatchtype,
                       case when c.contype not in ('p', 'u', 'f') then pg_get_constraintdef(c.oid) end as definition,
                       %s as nulls_not_distinct,
                       (select d.description from pg_description d
                           where d.objoid = c.oid and d.classoid = 'pg_constraint'::regclass and d.objsubid = 0) as comment
                from included_relations r
                join pg_constraint c on c.conrelid = r.oid
                left join pg_class referenced on referenced.oid = c.confrelid
                left join pg_namespace referenced_namespace on referenced_namespace.oid = referenced.relnamespace
                where r.relkind in ('r', 'p', 'f') and c.conparentid = 0 and c.coninhcount = 0 and c.contype <> 't'
                order by c.conrelid, c.conname
                """.formatted(uniqueNullsNotDistinct(majorVersion));
    }

    /**
     * Indexes of tables and materialized views that back no primary key, unique or exclusion constraint of
     * their own table, one row per index column (key columns first, then INCLUDE columns), counted by the
     * index's own pg_attribute rows (one per column), whose row estimate keeps the planner from reading all of
     * pg_attribute for the key column names as it did for generate_series(1, indnatts). A foreign key's
     * {@code conindid} names an index of the referenced table, hence the {@code conrelid} condition. The
     * indexes PostgreSQL creates on each partition for an index of the partitioned table are partitions of
     * that index (a pg_inherits row) and are left out: they belong to the parent.
     */
    static String indexes(int majorVersion) {
        return INCLUDED_RELATIONS + """
                select i.indrelid, index_class.relname as index_name, i.indisunique, i.indisvalid, am.amname, i.indnkeyatts,
                       %s as nulls_not_distinct,
                       pg_get_expr(i.indpred, i.indrelid) as predicate,
                       k.n as position,
                       a.attname,
                       case when i.indkey[k.n - 1] = 0 then pg_get_indexdef(i.indexrelid, k.n, true) end as expression,
                       case when k.n <= i.indnkeyatts then i.indoption[k.n - 1] else 0 end as options,
                       opclass.opcname, opclass_namespace.nspname as opclass_schema, opclass.opcdefault,
                       index_class.reloptions::text[] as storage_parameters,
                       case when k.n = 1 then (select d.description from pg_description d
                           where d.objoid = i.indexrelid and d.classoid = 'pg_class'::regclass and d.objsubid = 0) end as comment
                from included_relations r
                join pg_index i on i.indrelid = r.oid
                join pg_class index_class on index_class.oid = i.indexrelid
                join pg_am am on am.oid = index_class.relam
                cross join lateral (select index_column.attnum::int as n from pg_attribute index_column
                                    where index_column.attrelid = i.indexrelid) k
                left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n - 1]
                                        and i.indkey[k.n - 1] <> 0
                left join pg_opclass opclass on opclass.oid = i.indclass[k.n - 1] and k.n <= i.indnkeyatts
                left join pg_namespace opclass_namespace on opclass_namespace.oid = opclass.opcnamespace
                where r.relkind in ('r', 'p', 'm')
                  and not exists (select from pg_constraint c
                                  where c.conindid = i.indexrelid and c.conrelid = i.indrelid
                                    and c.contype in ('p', 'u', 'x'))
                  and not exists (select from pg_inherits index_parent where index_parent.inhrelid = i.indexrelid)
                order by i.indrelid, index_class.relname, k.n
                """.formatted(nullsNotDistinct(majorVersion, "i"));
    }

    /** Policies; role 0 in {@code polroles} is PUBLIC. */
    static final String POLICIES = INCLUDED_RELATIONS + """
            select p.polrelid, p.polname, p.polpermissive, p.polcmd,
                   array(select coalesce(r.rolname::text, 'public')
                         from unnest(p.polroles) as role_oid(oid)
                         left join pg_roles r on r.oid = role_oid.oid and role_oid.oid <> 0
                         order by 1) as roles,
                   pg_get_expr(p.polqual, p.polrelid) as using_expression,
                   pg_get_expr(p.polwithcheck, p.polrelid) as with_check_expression
            from included_relations t
            join pg_policy p on p.polrelid = t.oid
            order by p.polrelid, p.polname
            """;

    /**
     * User triggers of tables and views (constraint triggers included). Left out: the internal triggers behind
     * foreign keys and the clones a partition gets of its parent's triggers ({@code tgparentid}).
     */
    static final String TRIGGERS_AND_RULES = INCLUDED_RELATIONS + """
            select 'trigger' as kind, t.tgrelid as relation, r.nspname, r.relname, t.tgname::text as name,
                   pg_get_triggerdef(t.oid, false) as definition, t.tgenabled::text as enabled,
                   (select d.description from pg_description d
                       where d.objoid = t.oid and d.classoid = 'pg_trigger'::regclass and d.objsubid = 0) as comment
            from included_relations r
            join pg_trigger t on t.tgrelid = r.oid
            where not t.tgisinternal and t.tgparentid = 0
            union all
            select 'rule', w.ev_class, r.nspname, r.relname, w.rulename::text, pg_get_ruledef(w.oid, false),
                   w.ev_enabled::text, (select d.description from pg_description d
                       where d.objoid = w.oid and d.classoid = 'pg_rewrite'::regclass and d.objsubid = 0)
            from included_relations r
            join pg_rewrite w on w.ev_class = r.oid
            where w.rulename <> '_RETURN'
            order by 2, 1, 5
            """;

    /**
     * Enums (labels in their sort order) and domains (base type, NOT NULL, default, collation where it differs
     * from the base type's, CHECK constraints by name). The base type columns are named like those of
     * {@link #COLUMNS} so that {@link CatalogTypes#dataType} reads both.
     */
    static String types(int majorVersion, boolean grants) {
        return """
            select t.oid, n.nspname, t.typname, t.typtype, (select d.description from pg_description d
                where d.objoid = t.oid and d.classoid = 'pg_type'::regclass and d.objsubid = 0) as comment,
                   case when not range_opclass.opcdefault then
                       format('%%I.%%I', range_opclass_namespace.nspname, range_opclass.opcname) end as range_opclass,
                   case when range_collation.oid is not null then
                       format('%%I.%%I', range_collation_namespace.nspname, range_collation.collname) end as range_collation,
                   case when rng.rngcanonical <> 0 then format('%%I.%%I', canonical_namespace.nspname,
                                                               canonical.proname) end as range_canonical,
                   case when rng.rngsubdiff <> 0 then format('%%I.%%I', subdiff_namespace.nspname,
                                                             subdiff.proname) end as range_subtype_diff,
                   %s as multirange_name,
                   %s as grants,
                   array(select e.enumlabel::text from pg_enum e
                         where e.enumtypid = t.oid order by e.enumsortorder) as enum_labels,
                   base_namespace.nspname = 'pg_catalog' as built_in,
                   format_type(base_type.oid, t.typtypmod) as formatted_type,
                   coalesce(element_namespace.nspname, base_namespace.nspname) as type_schema,
                   coalesce(element_type.typname, base_type.typname) as type_name,
                   element_type.oid is not null as is_array,
                   t.typndims as attndims,
                   t.typnotnull,
                   pg_get_expr(t.typdefaultbin, 0) as default_expression,
                   domain_collation.collname as collation_name,
                   collation_namespace.nspname as collation_schema,
                   array(select c.conname::text from pg_constraint c
                         where c.contypid = t.oid and c.contype = 'c' order by c.conname) as check_names,
                   array(select pg_get_constraintdef(c.oid) from pg_constraint c
                         where c.contypid = t.oid and c.contype = 'c' order by c.conname) as check_definitions,
                   array(select (select d.description from pg_description d
                       where d.objoid = c.oid and d.classoid = 'pg_constraint'::regclass and d.objsubid = 0) from pg_constraint c
                         where c.contypid = t.oid and c.contype = 'c' order by c.conname) as check_comments
            from pg_type t
            join pg_namespace n on n.oid = t.typnamespace
            left join pg_range rng on rng.rngtypid = t.oid
            left join pg_type base_type on base_type.oid = case when t.typtype = 'r' then rng.rngsubtype else t.typbasetype end
            left join pg_opclass range_opclass on range_opclass.oid = rng.rngsubopc
            left join pg_namespace range_opclass_namespace on range_opclass_namespace.oid = range_opclass.opcnamespace
            left join pg_collation range_collation on range_collation.oid = rng.rngcollation
                                                  and rng.rngcollation <> base_type.typcollation
            left join pg_namespace range_collation_namespace on range_collation_namespace.oid = range_collation.collnamespace
            left join pg_proc canonical on canonical.oid = rng.rngcanonical
            left join pg_namespace canonical_namespace on canonical_namespace.oid = canonical.pronamespace
            left join pg_proc subdiff on subdiff.oid = rng.rngsubdiff
            left join pg_namespace subdiff_namespace on subdiff_namespace.oid = subdiff.pronamespace
            left join pg_namespace base_namespace on base_namespace.oid = base_type.typnamespace
            left join pg_type element_type on element_type.typarray = base_type.oid
            left join pg_namespace element_namespace on element_namespace.oid = element_type.typnamespace
            left join pg_collation domain_collation on domain_collation.oid = t.typcollation
                                                   and t.typcollation <> base_type.typcollation
            left join pg_namespace collation_namespace on collation_namespace.oid = domain_collation.collnamespace
            %s
            where n.nspname = any(?::text[]) and t.typtype in ('e', 'd', 'r')
              and %s
            order by n.nspname, t.typname
            """.formatted(majorVersion >= 14
                        ? "(select multirange.typname from pg_type multirange where multirange.oid = rng.rngmultitypid)"
                        : "null::name",
                grants(grants, "t.typacl", "'T'", "t.typowner", "initial.initprivs"),
                grants ? initialPrivileges("pg_type", "t.oid") : "",
                notExtensionMember("pg_type", "t.oid"));
    }

    /**
     * Functions, procedures, aggregates and window functions. pg_get_functiondef cannot print aggregates,
     * so it is only called for functions and procedures; an aggregate's row carries its pg_aggregate columns, the
     * functions, types and sort operator named as SQL (see {@link #functionName}, {@link #typeSql}). Left out: the functions PostgreSQL creates along
     * with another object (the constructors of a range or multirange type), which depend on it internally.
     */
    static String routines(boolean grants) {
        return """
            select n.nspname, p.proname, p.prokind,
                   pg_get_function_identity_arguments(p.oid) as arguments,
                   case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) end as definition,
                   (select d.description from pg_description d
                       where d.objoid = p.oid and d.classoid = 'pg_proc'::regclass and d.objsubid = 0) as comment,
                   %s as grants,
                   p.proparallel, agg.aggkind, agg.aggtransspace, agg.aggfinalextra, agg.aggfinalmodify,
                   agg.agginitval, agg.aggmtransspace, agg.aggmfinalextra, agg.aggmfinalmodify, agg.aggminitval,
                   case when p.prokind = 'a' then %s end as agg_transfn,
                   case when p.prokind = 'a' then %s end as agg_transtype,
                   case when p.prokind = 'a' then %s end as agg_finalfn,
                   case when p.prokind = 'a' then %s end as agg_combinefn,
                   case when p.prokind = 'a' then %s end as agg_serialfn,
                   case when p.prokind = 'a' then %s end as agg_deserialfn,
                   case when p.prokind = 'a' then %s end as agg_mtransfn,
                   case when p.prokind = 'a' then %s end as agg_minvtransfn,
                   case when p.prokind = 'a' then %s end as agg_mtranstype,
                   case when p.prokind = 'a' then %s end as agg_mfinalfn,
                   case when p.prokind = 'a' then %s end as agg_sortop
            from pg_proc p
            join pg_namespace n on n.oid = p.pronamespace
            left join pg_aggregate agg on agg.aggfnoid = p.oid
            %s
            where n.nspname = any(?::text[])
              and %s
              and not exists (select from pg_depend d
                              where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'i')
            order by n.nspname, p.proname, arguments
            """.formatted(grants(grants, "p.proacl", "'f'", "p.proowner", "initial.initprivs"),
                functionName("agg.aggtransfn"), typeSql("agg.aggtranstype"), functionName("agg.aggfinalfn"),
                functionName("agg.aggcombinefn"), functionName("agg.aggserialfn"), functionName("agg.aggdeserialfn"),
                functionName("agg.aggmtransfn"), functionName("agg.aggminvtransfn"), typeSql("agg.aggmtranstype"),
                functionName("agg.aggmfinalfn"), operatorName("agg.aggsortop"),
                grants ? initialPrivileges("pg_proc", "p.oid") : "",
                notExtensionMember("pg_proc", "p.oid"));
    }

    /**
     * Text search dictionaries (template, {@code dictinitoption}) and configurations (parser, one row per mapped
     * token type with its dictionaries in the order they are consulted, or one row with a null token type when the
     * configuration maps none) of the included schemas, in one query: both are few. A token type is named by the
     * alias its parser gives it ({@code ts_token_type}).
     */
    static String textSearch() {
        return """
            with included as (select unnest(?::text[]) as nspname)
            select 'dictionary' as kind, n.nspname, d.dictname as name,
                   template_namespace.nspname as definer_schema, t.tmplname as definer_name,
                   d.dictinitoption as options, null::int as token_id, null::text as token_type,
                   null::text[] as dictionary_schemas, null::text[] as dictionary_names,
                   obj_description(d.oid, 'pg_ts_dict') as comment
            from pg_ts_dict d
            join pg_namespace n on n.oid = d.dictnamespace
            join included i on i.nspname = n.nspname
            join pg_ts_template t on t.oid = d.dicttemplate
            join pg_namespace template_namespace on template_namespace.oid = t.tmplnamespace
            where %s
            union all
            select 'configuration', n.nspname, c.cfgname, parser_namespace.nspname, p.prsname, null,
                   maps.maptokentype, token.alias, maps.dictionary_schemas, maps.dictionary_names,
                   obj_description(c.oid, 'pg_ts_config')
            from pg_ts_config c
            join pg_namespace n on n.oid = c.cfgnamespace
            join included i on i.nspname = n.nspname
            join pg_ts_parser p on p.oid = c.cfgparser
            join pg_namespace parser_namespace on parser_namespace.oid = p.prsnamespace
            left join lateral (
                select m.maptokentype,
                       array_agg(dictionary_namespace.nspname::text order by m.mapseqno) as dictionary_schemas,
                       array_agg(dictionary.dictname::text order by m.mapseqno) as dictionary_names
                from pg_ts_config_map m
                join pg_ts_dict dictionary on dictionary.oid = m.mapdict
                join pg_namespace dictionary_namespace on dictionary_namespace.oid = dictionary.dictnamespace
                where m.mapcfg = c.oid
                group by m.maptokentype
            ) maps on true
            left join lateral ts_token_type(c.cfgparser) token on token.tokid = maps.maptokentype
            where %s
            order by 1 desc, 2, 3, 7
            """.formatted(notExtensionMember("pg_ts_dict", "d.oid"), notExtensionMember("pg_ts_config", "c.oid"));
    }

    /**
     * Everything in the included schemas (and, for database-wide kinds, in the database) that the model does
     * not describe yet, as (kind, object) rows; extension members are left out, and so are objects PostgreSQL
     * creates along with another (array types, a range type's multirange and its cast). Kinds the other queries
     * already see (window functions, triggers on views, NOT VALID constraints, ...) are reported by their readers.
     * An unlogged sequence is reported unless a column of an unlogged table owns it: from PostgreSQL 15 on, the
     * serial and identity sequences of an unlogged table are unlogged with it. Privileges are reported only with
     * {@code grants}, and then only those the other queries do not read.
     */
    static String unsupported(boolean grants) {
        return """
            with included as (select unnest(?::text[]) as nspname),
            included_namespaces as (
                select n.oid, n.nspname, n.nspacl, n.nspowner from pg_namespace n join included i on i.nspname = n.nspname
            ),
            relations as (
                select c.*, n.nspname, format('%%I.%%I', n.nspname, c.relname) as qualified
                from pg_class c
                join included_namespaces n on n.oid = c.relnamespace
                where c.relkind not in ('i', 'I') -- two thirds of pg_class at 10,000 tables
                  and %1$s
            )
            select 'operator' as kind,
                   format('%%I.%%s(%%s, %%s)', n.nspname, o.oprname, coalesce(format_type(o.oprleft, null), 'NONE'),
                          coalesce(format_type(o.oprright, null), 'NONE')) as object
            from pg_operator o join included_namespaces n on n.oid = o.oprnamespace
            where %2$s
            union all
            select 'operator class', format('%%I.%%I using %%s', n.nspname, oc.opcname, am.amname)
            from pg_opclass oc join included_namespaces n on n.oid = oc.opcnamespace join pg_am am on am.oid = oc.opcmethod
            where %3$s
            union all
            select 'operator family', format('%%I.%%I using %%s', n.nspname, f.opfname, am.amname)
            from pg_opfamily f join included_namespaces n on n.oid = f.opfnamespace join pg_am am on am.oid = f.opfmethod
            where %4$s
              and not exists (select from pg_opclass oc where oc.opcfamily = f.oid and oc.opcname = f.opfname)
            union all
            select 'text search parser', format('%%I.%%I', n.nspname, x.prsname)
            from pg_ts_parser x join included_namespaces n on n.oid = x.prsnamespace where %5$s
            union all
            select 'text search template', format('%%I.%%I', n.nspname, x.tmplname)
            from pg_ts_template x join included_namespaces n on n.oid = x.tmplnamespace where %6$s
            union all
            select 'conversion', format('%%I.%%I', n.nspname, x.conname)
            from pg_conversion x join included_namespaces n on n.oid = x.connamespace where %7$s
            union all
            select 'statistics object', format('%%I.%%I', n.nspname, x.stxname)
            from pg_statistic_ext x join included_namespaces n on n.oid = x.stxnamespace where %8$s
            union all
            select case t.typtype when 'b' then 'base type' else 'pseudo type' end,
                   format('%%I.%%I', n.nspname, t.typname)
            from pg_type t join included_namespaces n on n.oid = t.typnamespace
            where t.typtype in ('b', 'p') and %9$s
              and not exists (select from pg_type e where e.typarray = t.oid)
            union all
            select 'typed table', format('%%s (of type %%s)', r.qualified, format_type(r.reloftype, null))
            from relations r where r.reloftype <> 0
            union all
            select 'unlogged sequence', r.qualified
            from relations r where r.relpersistence = 'u' and r.relkind = 'S'
              and not exists (select from pg_depend d join pg_class owner on owner.oid = d.refobjid
                              where d.classid = 'pg_class'::regclass and d.objid = r.oid
                                and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                                and owner.relpersistence = 'u')
            union all
            select 'tablespace', format('%%s in %%I', r.qualified, ts.spcname)
            from relations r join pg_tablespace ts on ts.oid = r.reltablespace
            where r.relkind in ('r', 'p', 'm')
            union all
            %14$s
            select 'event trigger', quote_ident(x.evtname) from pg_event_trigger x where %10$s
            union all
            select 'subscription', quote_ident(x.subname) from pg_subscription x
            where x.subdbid = (select oid from pg_database where datname = current_database())
            union all
            select 'user mapping', format('for role %%s on server %%I: not modelled (its options may hold passwords)',
                   case when m.umuser = 0 then 'PUBLIC' else quote_ident(m.usename) end, m.srvname)
            from pg_user_mappings m where %11$s
            union all
            select 'procedural language', quote_ident(x.lanname) from pg_language x
            where x.oid >= 16384 and x.lanname <> 'plpgsql' and %12$s
            union all
            select 'access method', quote_ident(x.amname) from pg_am x where x.oid >= 16384 and %13$s
            order by 1, 2
            """.formatted(
                    notExtensionMember("pg_class", "c.oid"),
                    notExtensionMember("pg_operator", "o.oid"),
                    notExtensionMember("pg_opclass", "oc.oid"),
                    notExtensionMember("pg_opfamily", "f.oid"),
                    notExtensionMember("pg_ts_parser", "x.oid"),
                    notExtensionMember("pg_ts_template", "x.oid"),
                    notExtensionMember("pg_conversion", "x.oid"),
                    notExtensionMember("pg_statistic_ext", "x.oid"),
                    notExtensionMember("pg_type", "t.oid"),
                    notExtensionMember("pg_event_trigger", "x.oid"),
                    notExtensionMember("pg_foreign_server", "m.srvid"),
                    notExtensionMember("pg_language", "x.oid"),
                    notExtensionMember("pg_am", "x.oid"),
                    unsupportedPrivileges(grants));
    }

    /**
     * The privilege rows of {@link #unsupported}: none without grants (privileges are then not compared at
     * all); with them, what the other queries do not read: privileges on foreign-data wrappers and servers,
     * identity sequences, window functions, and types other than enums, domains and composite
     * types, plus default privileges (ALTER DEFAULT PRIVILEGES).
     */
    private static String unsupportedPrivileges(boolean grants) {
        if (!grants) {
            return "";
        }
        return """
                select 'privileges', format('on identity sequence %%s: %%s', r.qualified, array_to_string(r.relacl, ', '))
                from relations r %5$s
                where r.relkind = 'S' and exists (select from pg_depend identity
                                                  where identity.classid = 'pg_class'::regclass
                                                    and identity.objid = r.oid and identity.deptype = 'i')
                  and %1$s
                union all
                select 'privileges', format('on foreign-data wrapper %%I: %%s', w.fdwname, array_to_string(w.fdwacl, ', '))
                from pg_foreign_data_wrapper w
                where w.fdwacl is not null and w.fdwacl is distinct from acldefault('F', w.fdwowner)
                union all
                select 'privileges', format('on server %%I: %%s', fs.srvname, array_to_string(fs.srvacl, ', '))
                from pg_foreign_server fs
                where fs.srvacl is not null and fs.srvacl is distinct from acldefault('S', fs.srvowner)
                union all
                select 'privileges', format('on %%s %%I.%%I(%%s): %%s',
                       'window function', n.nspname, p.proname,
                       pg_get_function_identity_arguments(p.oid), array_to_string(p.proacl, ', '))
                from pg_proc p join included_namespaces n on n.oid = p.pronamespace %6$s
                where p.prokind = 'w' and %2$s and %3$s
                union all
                select 'privileges', format('on type %%I.%%I: %%s', n.nspname, t.typname, array_to_string(t.typacl, ', '))
                from pg_type t join included_namespaces n on n.oid = t.typnamespace %7$s
                where t.typtype not in ('e', 'd', 'c') and %4$s and %8$s
                union all
                select 'default privileges', format('for role %%s%%s on %%s', pg_get_userbyid(d.defaclrole),
                       coalesce(' in schema ' || quote_ident(n.nspname), ''), case d.defaclobjtype
                       when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions' when 'T' then 'types'
                       when 'n' then 'schemas' else d.defaclobjtype::text end)
                from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace
                where d.defaclnamespace = 0 or n.nspname in (select nspname from included)
                union all
                """.formatted(
                changedPrivileges("r.relacl", "case r.relkind when 'S' then 's' else 'r' end", "r.relowner"),
                changedPrivileges("p.proacl", "'f'", "p.proowner"),
                notExtensionMember("pg_proc", "p.oid"),
                changedPrivileges("t.typacl", "'T'", "t.typowner"),
                initialPrivileges("pg_class", "r.oid"),
                initialPrivileges("pg_proc", "p.oid"),
                initialPrivileges("pg_type", "t.oid"),
                notExtensionMember("pg_type", "t.oid"));
    }

    /**
     * The object's privileges that differ from its defaults, as a {@code text[]} with one element per grant:
     * {@code +} for a privilege granted beyond the defaults or {@code -} for a default taken away, the
     * privilege, {@code t} or {@code f} for WITH GRANT OPTION, and the grantee's name (empty for PUBLIC),
     * separated by single spaces: {@code +SELECT f reporting}. The defaults are {@code initial} (what initdb
     * gave the object, from pg_init_privs, e.g. for schema public) or else {@code acldefault} for the owner;
     * the grantor is left out. Null when the ACL is null (the defaults), and always when {@code read} is false.
     */
    private static String grants(boolean read, String acl, String objectType, String owner, String initial) {
        if (!read) {
            return "null::text[]";
        }
        String defaults = "coalesce(" + initial + ", acldefault((" + objectType + ")::\"char\", " + owner + "))";
        return """
                case when %1$s is not null then array(
                    select d.change || d.privilege_type || case when d.is_grantable then ' t ' else ' f ' end
                           || coalesce(grantee.rolname::text, '')
                    from ((select '+' as change, g.grantee, g.privilege_type, g.is_grantable from aclexplode(%1$s) g
                           except
                           select '+', x.grantee, x.privilege_type, x.is_grantable from aclexplode(%2$s) x)
                          union all
                          (select '-', x.grantee, x.privilege_type, false from aclexplode(%2$s) x
                           except
                           select '-', g.grantee, g.privilege_type, false from aclexplode(%1$s) g)) d
                    left join pg_roles grantee on grantee.oid = d.grantee
                    order by 1) end""".formatted(acl, defaults);
    }

    /** {@code pg_index.indnullsnotdistinct} exists from PostgreSQL 15 on; before, nulls were always distinct. */
    private static String nullsNotDistinct(int majorVersion, String indexAlias) {
        return majorVersion >= 15 ? "coalesce(" + indexAlias + ".indnullsnotdistinct, false)" : "false";
    }

    /** The same for constraint {@code c}: its backing index is looked up only when it is a unique constraint. */
    private static String uniqueNullsNotDistinct(int majorVersion) {
        return majorVersion >= 15 ? "coalesce(case when c.contype = 'u' then (select backing_index.indnullsnotdistinct"
                + " from pg_index backing_index where backing_index.indexrelid = c.conindid) end, false)" : "false";
    }

    /**
     * A condition that holds when privileges were granted or revoked on the object: its ACL is set and differs
     * from the one initdb gave it (pg_init_privs, e.g. for schema public, joined by {@link #initialPrivileges})
     * or else from the owner's default.
     */
    private static String changedPrivileges(String acl, String objectType, String owner) {
        return acl + " is not null and " + acl + " is distinct from coalesce(initial.initprivs, "
                + "acldefault((" + objectType + ")::\"char\", " + owner + "))";
    }

    /**
     * The object's row of pg_init_privs (at most one: objoid, classoid, objsubid is its key) as {@code initial}.
     * A join rather than a subquery per object: the planner costs such a subquery for every row, which at
     * 10,000 tables pushes the query's estimate past {@code jit_above_cost} and costs seconds of JIT compilation.
     */
    private static String initialPrivileges(String catalog, String oid) {
        return "left join pg_init_privs initial on initial.classoid = '" + catalog + "'::regclass"
                + " and initial.objoid = " + oid + " and initial.objsubid = 0";
    }

    /**
     * The function {@code oid} (a regproc or oid column; null for 0) by name as SQL, schema-qualified unless it
     * lives in pg_catalog: {@code int4pl}, {@code app.tally_step}.
     */
    static String functionName(String oid) {
        return "(select case when fn_namespace.nspname = 'pg_catalog' then quote_ident(fn.proname)"
                + " else format('%I.%I', fn_namespace.nspname, fn.proname) end"
                + " from pg_proc fn join pg_namespace fn_namespace on fn_namespace.oid = fn.pronamespace"
                + " where fn.oid = " + oid + ")";
    }

    /**
     * The type {@code oid} (null for 0) as SQL that {@link dev.schemaguard.model.DataType#parse} reads: format_type's
     * spelling for types in pg_catalog, else the element type's quoted schema and name, with {@code []} for an array.
     */
    static String typeSql(String oid) {
        return "(select case when type_namespace.nspname = 'pg_catalog' then format_type(ty.oid, null)"
                + " else format('%I.%I', coalesce(element_namespace.nspname, type_namespace.nspname),"
                + " coalesce(element.typname, ty.typname)) || case when element.oid is null then '' else '[]' end end"
                + " from pg_type ty join pg_namespace type_namespace on type_namespace.oid = ty.typnamespace"
                + " left join pg_type element on element.oid = ty.typelem and element.typarray = ty.oid"
                + " left join pg_namespace element_namespace on element_namespace.oid = element.typnamespace"
                + " where ty.oid = " + oid + ")";
    }

    /** The operator {@code oid} (null for 0) by name, schema-qualified unless it lives in pg_catalog. */
    static String operatorName(String oid) {
        return "(select case when op_namespace.nspname = 'pg_catalog' then op.oprname::text"
                + " else format('%I.%s', op_namespace.nspname, op.oprname) end"
                + " from pg_operator op join pg_namespace op_namespace on op_namespace.oid = op.oprnamespace"
                + " where op.oid = " + oid + ")";
    }

    /**
     * User-defined casts that are not extension members, nor made by PostgreSQL along with another object (a range
     * type's multirange casts): source and target types and the function as SQL (see {@link #typeSql},
     * {@link #functionName}), with the function's identity arguments, the method and the context. Which of them a
     * read of some schemas keeps is decided in Java ({@link dev.schemaguard.model.Cast#selectedBy}).
     */
    static String casts() {
        return """
            select %s as source_type, %s as target_type, x.castmethod, x.castcontext,
                   %s as function_name,
                   case when x.castfunc <> 0 then pg_get_function_identity_arguments(x.castfunc) end as function_arguments,
                   obj_description(x.oid, 'pg_cast') as comment
            from pg_cast x
            where x.oid >= 16384 and %s
              and not exists (select from pg_depend d where d.classid = 'pg_cast'::regclass and d.objid = x.oid
                                                       and d.deptype = 'i')
            order by 1, 2
            """.formatted(typeSql("x.castsource"), typeSql("x.casttarget"), functionName("x.castfunc"),
                notExtensionMember("pg_cast", "x.oid"));
    }

    /** A condition that holds unless the object {@code oid} of {@code catalog} belongs to an extension. */
    private static String notExtensionMember(String catalog, String oid) {
        return "not exists (select from pg_depend extension_member where extension_member.classid = '" + catalog
                + "'::regclass and extension_member.objid = " + oid + " and extension_member.deptype = 'e')";
    }
}
