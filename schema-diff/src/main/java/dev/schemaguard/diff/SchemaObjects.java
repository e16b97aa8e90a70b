package dev.schemaguard.diff;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.View;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Equality of two schema objects of the same kind and name, with the same tolerance as columns and constraints.
 * A view's triggers and rules are not part of it: the diff compares them one by one, as a table's.
 */
final class SchemaObjects {

    private SchemaObjects() {
    }

    static boolean same(SchemaObject a, SchemaObject b) {
        if (!Objects.equals(a.comment(), b.comment())) {
            return false;
        }
        if (a instanceof Sequence x && b instanceof Sequence y) {
            return x.type().sameTypeAs(y.type()) && x.normalizedOptions().equals(y.normalizedOptions())
                    && Objects.equals(x.ownedByTable(), y.ownedByTable()) && Objects.equals(x.ownedByColumn(), y.ownedByColumn());
        }
        if (a instanceof EnumType x && b instanceof EnumType y) {
            return x.values().equals(y.values());
        }
        if (a instanceof Domain x && b instanceof Domain y) {
            return x.baseType().sameTypeAs(y.baseType()) && x.notNull() == y.notNull()
                    && Expressions.equivalent(x.defaultExpression(), y.defaultExpression())
                    && Objects.equals(x.collation(), y.collation()) && sameChecks(x.checks(), y.checks())
                    && x.constraintComments().equals(y.constraintComments());
        }
        if (a instanceof CompositeType x && b instanceof CompositeType y) {
            if (x.attributes().size() != y.attributes().size()) {
                return false;
            }
            for (int i = 0; i < x.attributes().size(); i++) {
                CompositeType.Attribute p = x.attributes().get(i);
                CompositeType.Attribute q = y.attributes().get(i);
                if (!p.name().equals(q.name()) || !p.type().sameTypeAs(q.type()) || !Objects.equals(p.collation(), q.collation())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof View x && b instanceof View y) {
            if (x.materialized() != y.materialized() || !Expressions.equivalent(x.definition(), y.definition())
                    || !SchemaComparer.sameParameters(x.options(), y.options())
                    || x.indexes().size() != y.indexes().size()) {
                return false;
            }
            List<Index> xs = x.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
            List<Index> ys = y.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
            for (int i = 0; i < xs.size(); i++) {
                if (!xs.get(i).name().equals(ys.get(i).name()) || !SchemaComparer.sameIndex(xs.get(i), ys.get(i))
                        || !SchemaComparer.sameParameters(xs.get(i).storageParameters(), ys.get(i).storageParameters())
                        || !Objects.equals(xs.get(i).comment(), ys.get(i).comment())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Collation x && b instanceof Collation y) {
            return x.sameDefinitionAs(y);
        }
        if (a instanceof RangeType x && b instanceof RangeType y) {
            return x.subtype().sameTypeAs(y.subtype()) && Objects.equals(x.subtypeOpclass(), y.subtypeOpclass())
                    && Objects.equals(x.collation(), y.collation()) && Objects.equals(x.canonical(), y.canonical())
                    && Objects.equals(x.subtypeDiff(), y.subtypeDiff())
                    && Objects.equals(x.multirangeTypeName(), y.multirangeTypeName());
        }
        if (a instanceof Aggregate x && b instanceof Aggregate y) {
            return x.sameDefinitionAs(y);
        }
        if (a instanceof Routine x && b instanceof Routine y) {
            return x.routineKind() == y.routineKind() && x.arguments().equals(y.arguments())
                    && x.definition().strip().equals(y.definition().strip());
        }
        return false;
    }

    private static boolean sameChecks(List<CheckConstraint> unorderedA, List<CheckConstraint> unorderedB) {
        List<CheckConstraint> a = unorderedA.stream().sorted(Comparator.comparing(CheckConstraint::name)).toList();
        List<CheckConstraint> b = unorderedB.stream().sorted(Comparator.comparing(CheckConstraint::name)).toList();
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || !SchemaComparer.sameConstraint(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
