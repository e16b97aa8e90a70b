package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.CheckConstraint;
import dev.schemaguard.model.Collation;
import dev.schemaguard.model.CompositeType;
import dev.schemaguard.model.RangeType;
import dev.schemaguard.model.Domain;
import dev.schemaguard.model.EnumType;
import dev.schemaguard.model.Extension;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Routine;
import dev.schemaguard.model.Rule;
import dev.schemaguard.model.SchemaObject;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Trigger;
import dev.schemaguard.model.View;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL text of statements about the objects beside tables: extensions, collations, types, sequences, views,
 * routines, triggers.
 */
final class DdlObjects {

    private static final Pattern CREATE_ROUTINE =
            Pattern.compile("^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_RULE = Pattern.compile("^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?RULE(?![A-Za-z0-9_$])",
            Pattern.CASE_INSENSITIVE);

    private DdlObjects() {
    }

    // ---- extensions ----

    static String createExtension(Extension extension) {
        return "CREATE EXTENSION IF NOT EXISTS " + Identifiers.quote(extension.name())
                + (extension.schema() == null ? "" : " SCHEMA " + Identifiers.quote(extension.schema()))
                + (extension.version() == null ? "" : " VERSION " + Identifiers.literal(extension.version()));
    }

    static String updateExtension(Extension extension) {
        return "ALTER EXTENSION " + Identifiers.quote(extension.name()) + " UPDATE TO " + Identifiers.literal(extension.version());
    }

    static String moveExtension(Extension extension) {
        return "ALTER EXTENSION " + Identifiers.quote(extension.name()) + " SET SCHEMA " + Identifiers.quote(extension.schema());
    }

    static String dropExtension(Extension extension) {
        return "DROP EXTENSION " + Identifiers.quote(extension.name());
    }

    // ---- create and drop, by kind ----

    /** The statement creating {@code object} in {@code schema}; for a routine, its definition as given. */
    static String create(String schema, SchemaObject object) {
        QualifiedName name = QualifiedName.of(schema, object.name());
        if (object instanceof Sequence sequence) {
            String options = DdlRenderer.sequenceOptions(sequence.options());
            return "CREATE SEQUENCE " + name.sql() + " AS " + sequence.type().storageType().sql()
                    + (options.isEmpty() ? "" : " " + options);
        }
        if (object instanceof EnumType enumType) {
            return "CREATE TYPE " + name.sql() + " AS ENUM (" + enumType.values().stream().map(Identifiers::literal)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (object instanceof Domain domain) {
            return createDomain(name, domain);
        }
        if (object instanceof CompositeType composite) {
            return "CREATE TYPE " + name.sql() + " AS (" + composite.attributes().stream().map(DdlObjects::attribute)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (object instanceof Collation collation) {
            return createCollation(name, collation);
        }
        if (object instanceof RangeType range) {
            return createRange(name, range);
        }
        if (object instanceof Aggregate aggregate) {
            return DdlAggregates.create(schema, aggregate);
        }
        if (object instanceof View view) {
            return "CREATE " + (view.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + name.sql()
                    + DdlRenderer.withParameters(view.options()) + " AS\n" + viewQuery(view);
        }
        return createOrReplace((Routine) object);
    }

    /** {@code CREATE TYPE name AS RANGE (SUBTYPE = ..., ...)}, with the options the model sets. */
    private static String createRange(QualifiedName name, RangeType range) {
        List<String> options = new java.util.ArrayList<>();
        options.add("SUBTYPE = " + range.subtype().sql());
        if (range.subtypeOpclass() != null) {
            options.add("SUBTYPE_OPCLASS = " + range.subtypeOpclass());
        }
        if (range.collation() != null) {
            options.add("COLLATION = " + range.collation());
        }
        if (range.canonical() != null) {
            options.add("CANONICAL = " + range.canonical());
        }
        if (range.subtypeDiff() != null) {
            options.add("SUBTYPE_DIFF = " + range.subtypeDiff());
        }
        if (range.multirangeTypeName() != null) {
            options.add("MULTIRANGE_TYPE_NAME = " + QualifiedName.of(name.schema(), range.multirangeTypeName()).sql());
        }
        return "CREATE TYPE " + name.sql() + " AS RANGE (" + String.join(", ", options) + ")";
    }

    static String drop(String schema, SchemaObject object) {
        if (object instanceof Aggregate aggregate) {
            return DdlAggregates.drop(schema, aggregate);
        }
        if (object instanceof Routine routine) {
            return "DROP " + routineKeyword(routine) + " " + signature(schema, routine);
        }
        return "DROP " + keyword(object) + " " + QualifiedName.of(schema, object.name()).sql();
    }

    /** The word PostgreSQL uses for the kind in DROP, ALTER and COMMENT: TYPE, DOMAIN, SEQUENCE, VIEW, ... */
    static String keyword(SchemaObject object) {
        if (object instanceof Sequence) {
            return "SEQUENCE";
        }
        if (object instanceof Domain) {
            return "DOMAIN";
        }
        if (object instanceof View view) {
            return view.materialized() ? "MATERIALIZED VIEW" : "VIEW";
        }
        if (object instanceof Routine routine) {
            return routineKeyword(routine);
        }
        if (object instanceof Collation) {
            return "COLLATION";
        }
        if (object instanceof Aggregate) {
            return "AGGREGATE";
        }
        return "TYPE";
    }

    static String comment(String schema, SchemaObject object, String comment) {
        if (object instanceof Aggregate aggregate) {
            return DdlAggregates.comment(schema, aggregate, comment);
        }
        String target = object instanceof Routine routine ? signature(schema, routine)
                : QualifiedName.of(schema, object.name()).sql();
        return "COMMENT ON " + keyword(object) + " " + target + " IS " + literalOrNull(comment);
    }

    private static String routineKeyword(Routine routine) {
        return routine.routineKind() == Routine.Kind.PROCEDURE ? "PROCEDURE" : "FUNCTION";
    }

    static String signature(String schema, Routine routine) {
        return Identifiers.quote(schema) + "." + routine.signature();
    }

    // ---- sequences ----

    /** ALTER SEQUENCE for what differs in type and options; null when nothing does. */
    static String alterSequence(QualifiedName name, Sequence want, Sequence have) {
        List<String> changes = new ArrayList<>();
        if (!want.type().sameTypeAs(have.type())) {
            changes.add("AS " + want.type().storageType().sql());
        }
        SequenceOptions a = want.normalizedOptions();
        SequenceOptions b = have.normalizedOptions();
        if (!Objects.equals(a.increment(), b.increment())) {
            changes.add("INCREMENT BY " + a.effectiveIncrement());
        }
        // Null bounds and start mean the defaults of the type and direction. A sequence that turns around gets its
        // bounds as numbers (with AS, PostgreSQL lets a bound that was the old type's limit win over NO MAXVALUE,
        // taking the new type's limit in the old direction) and a restart: its current value is out of the new bounds.
        boolean turnsAround = (a.effectiveIncrement() > 0) != (b.effectiveIncrement() > 0);
        if (turnsAround) {
            changes.add("MINVALUE " + a.effectiveMinValue(want.type()));
            changes.add("MAXVALUE " + a.effectiveMaxValue(want.type()));
        } else {
            if (!Objects.equals(a.minValue(), b.minValue())) {
                changes.add(a.minValue() == null ? "NO MINVALUE" : "MINVALUE " + a.minValue());
            }
            if (!Objects.equals(a.maxValue(), b.maxValue())) {
                changes.add(a.maxValue() == null ? "NO MAXVALUE" : "MAXVALUE " + a.maxValue());
            }
        }
        if (turnsAround || !Objects.equals(a.start(), b.start())) {
            // NO MINVALUE/MAXVALUE above resets the bounds; START WITH without a value would be a syntax error
            changes.add(a.start() == null ? "START WITH " + defaultStart(want) : "START WITH " + a.start());
        }
        if (!Objects.equals(a.cache(), b.cache())) {
            changes.add("CACHE " + (a.cache() == null ? 1 : a.cache()));
        }
        if (a.cycle() != b.cycle()) {
            changes.add(a.cycle() ? "CYCLE" : "NO CYCLE");
        }
        if (turnsAround) {
            changes.add("RESTART");
        }
        return changes.isEmpty() ? null : "ALTER SEQUENCE " + name.sql() + " " + String.join(" ", changes);
    }

    private static long defaultStart(Sequence sequence) {
        SequenceOptions normalized = sequence.normalizedOptions();
        if (normalized.effectiveIncrement() > 0) {
            return normalized.minValue() != null ? normalized.minValue() : 1;
        }
        if (normalized.maxValue() != null) {
            return normalized.maxValue();
        }
        return -1;
    }

    static String sequenceOwnedBy(QualifiedName name, Sequence sequence) {
        return "ALTER SEQUENCE " + name.sql() + " OWNED BY " + (sequence.ownedByTable() == null ? "NONE"
                : QualifiedName.of(name.schema(), sequence.ownedByTable()).sql() + "." + Identifiers.quote(sequence.ownedByColumn()));
    }

    // ---- types ----

    private static String createDomain(QualifiedName name, Domain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(name.sql()).append(" AS ").append(domain.baseType().sql());
        if (domain.collation() != null) {
            sql.append(" COLLATE ").append(Identifiers.collation(domain.collation()));
        }
        if (domain.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(domain.defaultExpression());
        }
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (CheckConstraint check : domain.checks()) {
            sql.append(' ').append(domainCheck(check));
        }
        return sql.toString();
    }

    static String domainCheck(CheckConstraint check) {
        return "CONSTRAINT " + Identifiers.quote(check.name()) + " CHECK (" + stripCheck(check.expression()) + ")";
    }

    /** Checks may be given as {@code CHECK (VALUE > 0)}, as pg_get_constraintdef prints them, or as the bare expression. */
    private static String stripCheck(String expression) {
        String trimmed = expression.strip();
        if (trimmed.regionMatches(true, 0, "CHECK", 0, 5) && trimmed.substring(5).strip().startsWith("(")) {
            String inner = trimmed.substring(5).strip();
            return inner.substring(1, inner.lastIndexOf(')')).strip();
        }
        return trimmed;
    }

    static String alterDomain(QualifiedName name, String action) {
        return "ALTER DOMAIN " + name.sql() + " " + action;
    }

    private static String attribute(CompositeType.Attribute attribute) {
        return Identifiers.quote(attribute.name()) + " " + attribute.type().sql()
                + (attribute.collation() == null ? "" : " COLLATE " + Identifiers.collation(attribute.collation()));
    }

    static String addAttribute(QualifiedName type, CompositeType.Attribute attribute) {
        return "ALTER TYPE " + type.sql() + " ADD ATTRIBUTE " + attribute(attribute);
    }

    static String dropAttribute(QualifiedName type, String attribute) {
        return "ALTER TYPE " + type.sql() + " DROP ATTRIBUTE " + Identifiers.quote(attribute);
    }

    static String alterAttributeType(QualifiedName type, CompositeType.Attribute attribute) {
        return "ALTER TYPE " + type.sql() + " ALTER ATTRIBUTE " + Identifiers.quote(attribute.name()) + " TYPE "
                + attribute.type().sql() + (attribute.collation() == null ? "" : " COLLATE " + Identifiers.collation(attribute.collation()));
    }

    /** {@code ADD VALUE 'x' BEFORE 'y'} or {@code AFTER 'y'}. */
    static String addEnumValue(QualifiedName type, String value, String position, String neighbour) {
        return "ALTER TYPE " + type.sql() + " ADD VALUE " + Identifiers.literal(value) + " " + position + " "
                + Identifiers.literal(neighbour);
    }

    static String renameType(QualifiedName type, String newName) {
        return "ALTER TYPE " + type.sql() + " RENAME TO " + Identifiers.quote(newName);
    }

    // ---- collations ----

    /** {@code CREATE COLLATION name (provider = icu, locale = '...'[, deterministic = false])}. */
    private static String createCollation(QualifiedName name, Collation collation) {
        List<String> options = new ArrayList<>();
        options.add("provider = " + collation.provider().sql());
        if (collation.locale() != null) {
            options.add("locale = " + Identifiers.literal(collation.locale()));
        } else {
            options.add("lc_collate = " + Identifiers.literal(collation.lcCollate()));
            options.add("lc_ctype = " + Identifiers.literal(collation.lcCtype()));
        }
        if (!collation.deterministic()) {
            options.add("deterministic = false");
        }
        return "CREATE COLLATION " + name.sql() + " (" + String.join(", ", options) + ")";
    }

    static String renameCollation(QualifiedName collation, String newName) {
        return "ALTER COLLATION " + collation.sql() + " RENAME TO " + Identifiers.quote(newName);
    }

    // ---- views ----

    /** The view's query without a trailing semicolon. */
    static String viewQuery(View view) {
        String query = view.definition().strip();
        return query.endsWith(";") ? query.substring(0, query.length() - 1).stripTrailing() : query;
    }

    static String replaceView(String schema, View view) {
        return "CREATE OR REPLACE VIEW " + QualifiedName.of(schema, view.name()).sql()
                + DdlRenderer.withParameters(view.options()) + " AS\n" + viewQuery(view);
    }

    // ---- routines ----

    /** The definition, made a CREATE OR REPLACE statement if it was written as a plain CREATE. */
    static String createOrReplace(Routine routine) {
        String definition = routine.definition().strip();
        Matcher matcher = CREATE_ROUTINE.matcher(definition);
        if (matcher.find() && matcher.group(1) == null) {
            definition = "CREATE OR REPLACE " + matcher.group(2).toUpperCase(Locale.ROOT) + definition.substring(matcher.end());
        }
        return definition.endsWith(";") ? definition.substring(0, definition.length() - 1).stripTrailing() : definition;
    }

    // ---- triggers ----

    static String createTrigger(Trigger trigger) {
        String definition = trigger.definition().strip();
        return definition.endsWith(";") ? definition.substring(0, definition.length() - 1).stripTrailing() : definition;
    }

    static String dropTrigger(QualifiedName table, String trigger) {
        return "DROP TRIGGER " + Identifiers.quote(trigger) + " ON " + table.sql();
    }

    static String enableTrigger(QualifiedName table, String trigger, Trigger.Firing firing) {
        return DdlRenderer.alterTable(table, firing.sql() + " TRIGGER " + Identifiers.quote(trigger));
    }

    static String commentOnTrigger(QualifiedName table, String trigger, String comment) {
        return "COMMENT ON TRIGGER " + Identifiers.quote(trigger) + " ON " + table.sql() + " IS " + literalOrNull(comment);
    }

    static String commentOnDomainConstraint(QualifiedName domain, String constraint, String comment) {
        return "COMMENT ON CONSTRAINT " + Identifiers.quote(constraint) + " ON DOMAIN " + domain.sql() + " IS "
                + literalOrNull(comment);
    }

    // ---- rules ----

    /** The rule's CREATE RULE as CREATE OR REPLACE RULE, which replaces a rule of that name in one step. */
    static String createOrReplaceRule(Rule rule) {
        Matcher matcher = CREATE_RULE.matcher(rule.definition());
        if (!matcher.find()) {
            throw new IllegalArgumentException("the definition of rule " + rule.name() + " is no CREATE RULE statement: "
                    + rule.definition());
        }
        return "CREATE OR REPLACE RULE" + rule.definition().substring(matcher.end());
    }

    static String dropRule(QualifiedName relation, String rule) {
        return "DROP RULE " + Identifiers.quote(rule) + " ON " + relation.sql();
    }

    static String enableRule(QualifiedName table, String rule, Trigger.Firing firing) {
        return DdlRenderer.alterTable(table, firing.sql() + " RULE " + Identifiers.quote(rule));
    }

    static String commentOnRule(QualifiedName relation, String rule, String comment) {
        return "COMMENT ON RULE " + Identifiers.quote(rule) + " ON " + relation.sql() + " IS " + literalOrNull(comment);
    }

    private static String literalOrNull(String text) {
        return text == null ? "NULL" : Identifiers.literal(text);
    }
}
