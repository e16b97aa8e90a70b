package dev.schemaguard.sql;

import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Column;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.ExclusionConstraint;
import dev.schemaguard.model.ForeignKey;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Table;
import dev.schemaguard.model.UniqueConstraint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies the declared former names ({@code renamed_from}) of a declared schema onto the same objects of another
 * model of it, e.g. the one read back from a throwaway database: no database remembers them.
 */
final class DeclaredRenameNames {

    private DeclaredRenameNames() {
    }

    static Schema copy(Schema declared, Schema onto) {
        if (!declaresAny(declared)) {
            return onto;
        }
        Map<String, Table> tables = byName(declared.tables(), Table::name);
        Map<String, EnumType> enums = byName(declared.enums(), EnumType::name);
        Map<String, Domain> domains = byName(declared.domains(), Domain::name);
        Map<String, CompositeType> composites = byName(declared.compositeTypes(), CompositeType::name);
        Map<String, RangeType> ranges = byName(declared.rangeTypes(), RangeType::name);
        return onto.withRenamedFrom(declared.renamedFrom())
                .withTables(onto.tables().stream().map(t -> tables.containsKey(t.name()) ? copy(tables.get(t.name()), t) : t)
                        .toList())
                .withEnums(onto.enums().stream().map(e -> e.withRenamedFrom(from(enums.get(e.name()), EnumType::renamedFrom)))
                        .toList())
                .withDomains(onto.domains().stream().map(d -> d.withRenamedFrom(from(domains.get(d.name()), Domain::renamedFrom)))
                        .toList())
                .withCompositeTypes(onto.compositeTypes().stream()
                        .map(c -> c.withRenamedFrom(from(composites.get(c.name()), CompositeType::renamedFrom))).toList())
                .withRangeTypes(onto.rangeTypes().stream()
                        .map(r -> r.withRenamedFrom(from(ranges.get(r.name()), RangeType::renamedFrom))).toList());
    }

    private static Table copy(Table declared, Table onto) {
        Map<String, Column> columns = byName(declared.columns(), Column::name);
        Map<String, Index> indexes = byName(declared.indexes(), Index::name);
        Map<String, UniqueConstraint> uniques = byName(declared.uniqueConstraints(), UniqueConstraint::name);
        Map<String, ForeignKey> foreignKeys = byName(declared.foreignKeys(), ForeignKey::name);
        Map<String, CheckConstraint> checks = byName(declared.checkConstraints(), CheckConstraint::name);
        Map<String, ExclusionConstraint> exclusions = byName(declared.exclusionConstraints(), ExclusionConstraint::name);
        return onto.withRenamedFrom(declared.renamedFrom())
                .withColumns(onto.columns().stream().map(c -> c.withRenamedFrom(from(columns.get(c.name()), Column::renamedFrom)))
                        .toList())
                .withIndexes(onto.indexes().stream().map(i -> i.withRenamedFrom(from(indexes.get(i.name()), Index::renamedFrom)))
                        .toList())
                .withPrimaryKey(onto.primaryKey() == null || declared.primaryKey() == null
                        || !declared.primaryKey().name().equals(onto.primaryKey().name()) ? onto.primaryKey()
                        : onto.primaryKey().withRenamedFrom(declared.primaryKey().renamedFrom()))
                .withUniqueConstraints(onto.uniqueConstraints().stream()
                        .map(u -> u.withRenamedFrom(from(uniques.get(u.name()), UniqueConstraint::renamedFrom))).toList())
                .withForeignKeys(onto.foreignKeys().stream()
                        .map(f -> f.withRenamedFrom(from(foreignKeys.get(f.name()), ForeignKey::renamedFrom))).toList())
                .withCheckConstraints(onto.checkConstraints().stream()
                        .map(c -> c.withRenamedFrom(from(checks.get(c.name()), CheckConstraint::renamedFrom))).toList())
                .withExclusionConstraints(onto.exclusionConstraints().stream()
                        .map(x -> x.withRenamedFrom(from(exclusions.get(x.name()), ExclusionConstraint::renamedFrom))).toList());
    }

    private static boolean declaresAny(Schema schema) {
        return schema.renamedFrom() != null
                || schema.enums().stream().anyMatch(e -> e.renamedFrom() != null)
                || schema.domains().stream().anyMatch(d -> d.renamedFrom() != null)
                || schema.compositeTypes().stream().anyMatch(c -> c.renamedFrom() != null)
                || schema.rangeTypes().stream().anyMatch(r -> r.renamedFrom() != null)
                || schema.tables().stream().anyMatch(t -> t.renamedFrom() != null
                || t.columns().stream().anyMatch(c -> c.renamedFrom() != null)
                || t.indexes().stream().anyMatch(i -> i.renamedFrom() != null)
                || (t.primaryKey() != null && t.primaryKey().renamedFrom() != null)
                || t.uniqueConstraints().stream().anyMatch(u -> u.renamedFrom() != null)
                || t.foreignKeys().stream().anyMatch(f -> f.renamedFrom() != null)
                || t.checkConstraints().stream().anyMatch(c -> c.renamedFrom() != null)
                || t.exclusionConstraints().stream().anyMatch(x -> x.renamedFrom() != null));
    }

    private static <T> String from(T declared, Function<T, String> renamedFrom) {
        return declared == null ? null : renamedFrom.apply(declared);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }
}
