package dev.schemaguard.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code CREATE DOMAIN name AS baseType [COLLATE] [DEFAULT] [NOT NULL] [CONSTRAINT c CHECK (...)]...}, with the
 * comments on its checks by check name ({@code COMMENT ON CONSTRAINT c ON DOMAIN name}).
 */
public record Domain(String name, DataType baseType, boolean notNull, String defaultExpression, String collation,
                     List<CheckConstraint> checks, String comment, Map<String, String> constraintComments,
                     String renamedFrom)
        implements SchemaObject {

    public Domain {
        Identifiers.requireValid(name, "domain name");
        Identifiers.requireRenamedFrom(renamedFrom, name, "domain");
        Objects.requireNonNull(baseType, () -> "base type of domain " + name);
        checks = List.copyOf(checks);
        constraintComments = constraintComments == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(constraintComments));
        for (String check : constraintComments.keySet()) {
            if (checks.stream().noneMatch(c -> c.name().equals(check))) {
                throw new IllegalArgumentException("domain " + name + " has a comment on constraint " + check
                        + ", which it does not declare");
            }
        }
    }

    public Domain withConstraintComments(Map<String, String> newConstraintComments) {
        return new Domain(name, baseType, notNull, defaultExpression, collation, checks, comment, newConstraintComments, renamedFrom);
    }

    /** The comment on check {@code checkName}, or null. */
    public String constraintComment(String checkName) {
        return constraintComments.get(checkName);
    }

    @Override
    public String kind() {
        return "domain";
    }

    public Domain withName(String newName) {
        return new Domain(newName, baseType, notNull, defaultExpression, collation, checks, comment,
                constraintComments, renamedFrom);
    }

    /** The same object declared renamed from {@code oldName} (null: not renamed). */
    public Domain withRenamedFrom(String oldName) {
        return new Domain(name, baseType, notNull, defaultExpression, collation, checks, comment,
                constraintComments, oldName);
    }
}
