package dev.schemaguard.jpa;

import dev.schemaguard.model.Column;
import dev.schemaguard.model.DataType;
import dev.schemaguard.model.Database;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.Identity;
import dev.schemaguard.model.Index;
import dev.schemaguard.model.IndexKey;
import dev.schemaguard.model.QualifiedName;
import dev.schemaguard.model.Schema;
import dev.schemaguard.model.Sequence;
import dev.schemaguard.model.SequenceOptions;
import dev.schemaguard.model.Table;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.PrimaryKeyJoinColumns;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Transient;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** One run of {@link JpaSchemaReader#read}: entity classes in, tables and sequences out. */
final class EntityMapping {

    /** An entity class and where its rows live. {@code tableLogical} is the name before physical naming. */
    private record EntityInfo(Class<?> type, String entityName, Class<?> parent, Class<?> root,
                              InheritanceType strategy, String tableLogical, QualifiedName table) {
    }

    /** A primary key column of an entity, with the logical name implicit join column names are built from. */
    private record KeyColumn(String logical, String name, DataType type) {
    }

    private static final int HIBERNATE_ALLOCATION_SIZE = 50;

    private final NamingStrategy naming;
    private final String defaultSchema;
    private final Map<Class<?>, EntityInfo> entities = new LinkedHashMap<>();
    private final Map<QualifiedName, TableDraft> tables = new LinkedHashMap<>();
    private final Map<QualifiedName, Sequence> sequences = new LinkedHashMap<>();
    private final Map<String, SequenceGenerator> generators = new HashMap<>();
    private final Map<Class<?>, List<KeyColumn>> keys = new HashMap<>();
    private final Consumer<String> warnings;
    /** Converters given among the classes with {@code autoApply = true}, by the attribute type they convert. */
    private final Map<Class<?>, Class<?>> autoApplied = new HashMap<>();
    /** Folded name to the name as Hibernate spells it (it orders key columns by that spelling). */
    private final Map<String, String> spelling = new HashMap<>();

    EntityMapping(NamingStrategy naming, String defaultSchema, Collection<? extends Class<?>> classes,
                  Consumer<String> warnings) {
        this.naming = naming;
        this.defaultSchema = defaultSchema;
        this.warnings = warnings;
        for (Class<?> type : classes) {
            Converter converter = type.getAnnotation(Converter.class);
            if (converter != null && converter.autoApply()) {
                autoApplied.put(Converters.attributeType(type, type.getName()), type);
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.isAnnotationPresent(Entity.class)) {
                    entities.putIfAbsent(c, null);
                }
            }
        }
        entities.replaceAll((type, none) -> describe(type));
        entities.keySet().forEach(this::collectGenerators);
    }

    Database database() {
        for (EntityInfo entity : entities.values()) {
            mapEntity(entity);
        }
        Map<String, List<Table>> tablesBySchema = new TreeMap<>();
        tables.values().forEach(draft -> draft.orderPrimaryKey(HibernateColumnOrder.comparator(spelling)));
        java.util.function.Function<QualifiedName, List<String>> primaryKeyOf =
                table -> tables.containsKey(table) ? tables.get(table).primaryKeyColumns() : null;
        tables.forEach((name, draft) -> tablesBySchema.computeIfAbsent(name.schema(), s -> new ArrayList<>())
                .add(draft.build(primaryKeyOf)));
        Map<String, List<Sequence>> sequencesBySchema = new TreeMap<>();
        sequences.forEach((name, sequence) -> sequencesBySchema.computeIfAbsent(name.schema(), s -> new ArrayList<>()).add(sequence));
        List<Schema> schemas = new ArrayList<>();
        for (String schema : union(tablesBySchema.keySet(), sequencesBySchema.keySet())) {
            schemas.add(Schema.empty(schema).withTables(tablesBySchema.getOrDefault(schema, List.of()))
                    .withSequences(sequencesBySchema.getOrDefault(schema, List.of())));
        }
        return Database.of(schemas);
    }

    private static java.util.SortedSet<String> union(Set<String> a, Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    // ---- entities and their tables ------------------------------------------------------------------------

    private EntityInfo describe(Class<?> type) {
        Class<?> parent = null;
        Class<?> root = type;
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                parent = parent == null ? c : parent;
                root = c;
            }
        }
        Inheritance inheritance = root.getAnnotation(Inheritance.class);
        InheritanceType strategy = inheritance == null ? InheritanceType.SINGLE_TABLE : inheritance.strategy();
        if (type.isAnnotationPresent(SecondaryTable.class)) {
            throw unsupported(type.getName(), "@SecondaryTable");
        }
        String entityName = entityName(type);
        if (parent != null && strategy == InheritanceType.SINGLE_TABLE) {
            EntityInfo rootInfo = describe(root);
            return new EntityInfo(type, entityName, parent, root, strategy, rootInfo.tableLogical(), rootInfo.table());
        }
        jakarta.persistence.Table table = type.getAnnotation(jakarta.persistence.Table.class);
        String logical = table != null && !table.name().isEmpty() ? table.name() : entityName;
        String schema = table != null && !table.schema().isEmpty() ? physical(table.schema()) : defaultSchema;
        return new EntityInfo(type, entityName, parent, root, strategy, logical, QualifiedName.of(schema, physical(logical)));
    }

    private static String entityName(Class<?> type) {
        String name = type.getAnnotation(Entity.class).name();
        return name.isEmpty() ? type.getSimpleName() : name;
    }

    private void mapEntity(EntityInfo entity) {
        if (isTableless(entity)) {
            return;
        }
        TableDraft draft = table(entity.table());
        boolean subclass = entity.parent() != null;
        switch (subclass ? entity.strategy() : InheritanceType.JOINED) {
            case SINGLE_TABLE -> mapAttributes(entity, draft, ownFields(entity.type(), entity.parent()), true);
            case TABLE_PER_CLASS -> {
                mapAttributes(entity, draft, ownFields(entity.type(), null), false);
                draft.setPrimaryKey(names(keyColumns(entity.type())));
            }
            case JOINED -> {
                if (subclass) {
                    List<KeyColumn> key = keyColumns(entity.type());
                    key.forEach(k -> draft.addColumn(new Column(k.name(), k.type(), false, null, null, null, null, null, null, null, null)));
                    EntityInfo parent = entities.get(entity.parent());
                    draft.addForeignKey(null, names(key), parent.table(), names(keyColumns(parent.type())));
                }
                mapAttributes(entity, draft, ownFields(entity.type(), entity.parent()), false);
                draft.setPrimaryKey(names(keyColumns(entity.type())));
                if (!subclass && needsDiscriminator(entity)) {
                    addDiscriminator(entity, draft);
                }
            }
        }
        for (Annotation check : HibernateAnnotations.findAll(entity.type(), "Check", "Checks")) {
            addHibernateCheck(draft, null, check);
        }
        jakarta.persistence.Table table = entity.type().getAnnotation(jakarta.persistence.Table.class);
        if (table != null) {
            for (jakarta.persistence.UniqueConstraint unique : table.uniqueConstraints()) {
                draft.addUnique(constraintName(unique.name()),
                        Arrays.stream(unique.columnNames()).map(this::physical).toList());
            }
            for (jakarta.persistence.Index index : table.indexes()) {
                addIndex(draft, index);
            }
        }
    }

    /** An abstract class of a TABLE_PER_CLASS hierarchy: Hibernate creates no table for it. */
    private static boolean isTableless(EntityInfo entity) {
        return entity.strategy() == InheritanceType.TABLE_PER_CLASS && Modifier.isAbstract(entity.type().getModifiers());
    }

    /** SINGLE_TABLE roots with subclasses, and any root that declares @DiscriminatorColumn, get a discriminator. */
    private boolean needsDiscriminator(EntityInfo root) {
        if (root.type().isAnnotationPresent(DiscriminatorColumn.class)) {
            return true;
        }
        return root.strategy() == InheritanceType.SINGLE_TABLE
                && entities.values().stream().anyMatch(e -> e.root() == root.type() && e.parent() != null);
    }

    private void addDiscriminator(EntityInfo root, TableDraft draft) {
        DiscriminatorColumn column = root.type().getAnnotation(DiscriminatorColumn.class);
        String name = physical(column == null ? "DTYPE" : column.name());
        String type = "varchar(" + (column == null ? 31 : column.length()) + ")";
        if (column != null && !column.columnDefinition().isBlank()) {
            type = ColumnDefinition.parse(column.columnDefinition()).type();
        } else if (column != null && column.discriminatorType() == jakarta.persistence.DiscriminatorType.CHAR) {
            type = "char(1)";
        } else if (column != null && column.discriminatorType() == jakarta.persistence.DiscriminatorType.INTEGER) {
            type = "integer";
        }
        draft.addColumn(new Column(name, DataType.parse(type), false, null, null, null, null, null, null, null, null));
    }

    private void addIndex(TableDraft draft, jakarta.persistence.Index index) {
        List<IndexKey> keyParts = new ArrayList<>();
        for (String part : index.columnList().split(",")) {
            String[] words = part.strip().split("\\s+");
            IndexKey key = IndexKey.column(physical(words[0]));
            keyParts.add(words.length > 1 && words[1].equalsIgnoreCase("desc") ? key.desc() : key);
        }
        List<String> columns = keyParts.stream().map(IndexKey::column).toList();
        if (index.unique()) {
            // Hibernate declares a unique @Index as a unique constraint of the table.
            draft.addUnique(constraintName(index.name()), columns);
            return;
        }
        String name = index.name().isEmpty() ? draft.defaultName(columns, "idx") : constraintName(index.name());
        draft.addIndex(new Index(name, false, "btree", keyParts, List.of(), null, false, List.of(), null, null, true));
    }

    private TableDraft table(QualifiedName name) {
        return tables.computeIfAbsent(name, TableDraft::new);
    }

    /**
     * The persistent fields of {@code type} and of its {@code @MappedSuperclass} ancestors up to {@code stop}
     * (exclusive; null for all), superclass fields first. TABLE_PER_CLASS passes null and so also gets the fields
     * of entity superclasses.
     */
    private static List<Field> ownFields(Class<?> type, Class<?> stop) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != stop; c = c.getSuperclass()) {
            if (c == type || c.isAnnotationPresent(MappedSuperclass.class)
                    || (stop == null && c.isAnnotationPresent(Entity.class))) {
                chain.add(0, c);
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            Arrays.stream(c.getDeclaredFields()).filter(EntityMapping::isPersistent).forEach(fields::add);
        }
        return fields;
    }

    private static boolean isPersistent(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                && !field.isAnnotationPresent(Transient.class);
    }

    // ---- attributes ---------------------------------------------------------------------------------------

    private void mapAttributes(EntityInfo owner, TableDraft draft, List<Field> fields, boolean forceNullable) {
        for (Field field : fields) {
            mapAttribute(owner, draft, field, Map.of(), forceNullable);
        }
    }

    /**
     * Maps one attribute; one the reader cannot map is reported and skipped (its columns can come from an overlay),
     * never fatal for the other attributes and entities.
     */
    private void mapAttribute(EntityInfo owner, TableDraft draft, Field field, Map<String, jakarta.persistence.Column> overrides,
                              boolean forceNullable) {
        String where = field.getDeclaringClass().getName() + "." + field.getName();
        try {
            mapAttribute(owner, draft, field, overrides, forceNullable, where);
        } catch (UnmappableAttributeException e) {
            warnings.accept(e.getMessage() + "; the attribute is skipped, declare its columns in a YAML overlay");
        }
    }

    private void mapAttribute(EntityInfo owner, TableDraft draft, Field field, Map<String, jakarta.persistence.Column> overrides,
                              boolean forceNullable, String where) {
        if (field.isAnnotationPresent(MapsId.class)) {
            throw unsupported(where, "@MapsId");
        }
        if (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class)) {
            OneToOne oneToOne = field.getAnnotation(OneToOne.class);
            if (oneToOne == null || oneToOne.mappedBy().isEmpty()) {
                mapToOne(owner, draft, field, where);
            }
        } else if (field.isAnnotationPresent(OneToMany.class)) {
            if (field.getAnnotation(OneToMany.class).mappedBy().isEmpty()) {
                mapOneToMany(owner, field, where);
            }
        } else if (field.isAnnotationPresent(ManyToMany.class)) {
            if (field.getAnnotation(ManyToMany.class).mappedBy().isEmpty()) {
                mapJoinTable(owner, field, false, where);
            }
        } else if (field.isAnnotationPresent(ElementCollection.class)) {
            mapElementCollection(owner, field, where);
        } else if (field.isAnnotationPresent(EmbeddedId.class)) {
            mapEmbedded(owner, draft, field, field.getType(), overrides, false);
        } else if (field.isAnnotationPresent(Embedded.class) || field.getType().isAnnotationPresent(Embeddable.class)) {
            mapEmbedded(owner, draft, field, field.getType(), overrides, forceNullable);
        } else {
            boolean id = field.isAnnotationPresent(Id.class) || field.getDeclaringClass().isAnnotationPresent(Embeddable.class)
                    && owner != null && isEmbeddedIdType(owner, field.getDeclaringClass());
            jakarta.persistence.Column column = overrides.getOrDefault(field.getName(), field.getAnnotation(jakarta.persistence.Column.class));
            Basic basic = field.getAnnotation(Basic.class);
            boolean nullable = !id && !field.getType().isPrimitive() && (column == null || column.nullable())
                    && (basic == null || basic.optional());
            Identity identity = generation(owner, field, where);
            // in a SINGLE_TABLE subclass Hibernate relaxes primitives and @Basic(optional = false), not @Column(nullable = false)
            boolean subclassNullable = forceNullable && !id && (column == null || column.nullable());
            mapBasic(draft, field.getType(), field, column, field.getName(), nullable || subclassNullable, identity, where);
        }
    }

    private boolean isEmbeddedIdType(EntityInfo owner, Class<?> embeddable) {
        return fieldsWithId(owner.root()).stream().anyMatch(f -> f.isAnnotationPresent(EmbeddedId.class) && f.getType() == embeddable);
    }

    private void mapEmbedded(EntityInfo owner, TableDraft draft, Field field, Class<?> embeddable,
                             Map<String, jakarta.persistence.Column> outer, boolean forceNullable) {
        Map<String, jakarta.persistence.Column> overrides = new HashMap<>(attributeOverrides(field));
        String prefix = field.getName() + ".";
        outer.forEach((path, column) -> {
            if (path.startsWith(prefix)) {
                overrides.put(path.substring(prefix.length()), column);
            }
        });
        for (Field part : ownFields(embeddable, null)) {
            mapAttribute(owner, draft, part, overrides, forceNullable);
        }
    }

    private static Map<String, jakarta.persistence.Column> attributeOverrides(Field field) {
        Map<String, jakarta.persistence.Column> overrides = new HashMap<>();
        List<AttributeOverride> all = new ArrayList<>(Arrays.asList(field.getAnnotationsByType(AttributeOverride.class)));
        AttributeOverrides many = field.getAnnotation(AttributeOverrides.class);
        if (many != null) {
            all.addAll(Arrays.asList(many.value()));
        }
        all.forEach(o -> overrides.put(o.name(), o.column()));
        return overrides;
    }

    private void mapBasic(TableDraft draft, Class<?> javaType, java.lang.reflect.AnnotatedElement annotations,
                          jakarta.persistence.Column column, String attributeName, boolean nullable, Identity identity,
                          String where) {
        String name = physical(column != null && !column.name().isEmpty() ? column.name() : attributeName);
        DataType type;
        String check = null;
        boolean hasDefinition = column != null && !column.columnDefinition().isBlank();
        Class<?> converter = hasDefinition ? null : converterOf(annotations, javaType);
        if (converter != null) {
            // the column holds what the converter writes: its database-side Java type's mapping
            type = JavaTypes.typeOf(Converters.databaseType(converter, where), column, annotations, where);
            if (wrap(javaType) == Boolean.class) {
                Object[] values = Converters.booleanValues(converter);
                if (values != null) {
                    check = Identifiers.quote(name) + " IN (" + sqlLiteral(values[0]) + ", " + sqlLiteral(values[1]) + ")";
                }
            }
        } else if (javaType.isEnum() && !hasDefinition) {
            Enumerated enumerated = annotations.getAnnotation(Enumerated.class);
            Object[] constants = javaType.getEnumConstants();
            if (enumerated != null && enumerated.value() == EnumType.STRING) {
                type = DataType.parse("varchar(" + (column == null ? 255 : column.length()) + ")");
                check = constantsPresent(javaType) ? stringEnumCheck(name, constants) : null;
            } else {
                type = DataType.of("smallint");
                check = constantsPresent(javaType) ? "(" + Identifiers.quote(name) + " >= 0) AND (" + Identifiers.quote(name)
                        + " <= " + (constants.length - 1) + ")" : null;
            }
        } else {
            type = JavaTypes.typeOf(javaType, column, annotations, where);
        }
        String defaultExpression = null;
        List<String> definitionChecks = new ArrayList<>();
        boolean definitionUnique = false;
        if (hasDefinition) {
            ColumnDefinition definition = ColumnDefinition.parse(column.columnDefinition());
            defaultExpression = definition.defaultExpression();
            nullable = definition.nullable() == null ? nullable : definition.nullable();
            for (String clause : definition.unread()) {
                String keyword = clause.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
                if (keyword.equals("check")) {
                    definitionChecks.add(clause.substring("check".length()).strip());
                } else if (keyword.equals("unique")) {
                    definitionUnique = true;
                } else {
                    warnings.accept(where + ": the column definition's clause '" + clause + "' is not read");
                }
            }
        }
        Annotation timeZoneStorage = HibernateAnnotations.find(annotations, "TimeZoneStorage").orElse(null);
        if (timeZoneStorage != null && !hasDefinition
                && (javaType == java.time.OffsetDateTime.class || javaType == java.time.ZonedDateTime.class)) {
            switch (HibernateAnnotations.enumAttribute(timeZoneStorage, "value")) {
                case "NORMALIZE" -> type = DataType.parse("timestamp(6)");
                case "COLUMN" -> {
                    String zoneColumn = HibernateAnnotations.find(annotations, "TimeZoneColumn")
                            .map(a -> (String) HibernateAnnotations.attribute(a, "name")).filter(n -> !n.isEmpty())
                            .orElse(attributeName + "_tz");
                    draft.addColumn(new Column(physical(zoneColumn), DataType.of("integer"), nullable, null, null, null,
                            null, null, null, null, null));
                }
                default -> {
                }
            }
        }
        draft.addColumn(new Column(name, type, nullable, defaultExpression, identity, null, null, null, null, null, null));
        if (column != null && column.unique() || definitionUnique) {
            draft.addUnique(null, List.of(name));
        }
        if (check != null) {
            draft.addCheck(name, check);
        }
        definitionChecks.forEach(expression -> draft.addCheck(name, expression));
        for (Annotation hibernateCheck : HibernateAnnotations.findAll(annotations, "Check", "Checks")) {
            addHibernateCheck(draft, name, hibernateCheck);
        }
    }

    /** {@code @Check} of Hibernate on a column (named after it, as PostgreSQL names an unnamed column check) or a class. */
    private static void addHibernateCheck(TableDraft draft, String column, Annotation check) {
        String name = (String) HibernateAnnotations.attribute(check, "name");
        String expression = (String) HibernateAnnotations.attribute(check, "constraints");
        draft.addCheck(name.isEmpty() ? null : constraintName(name), column, expression);
    }

    /** The converter of an attribute: its own @Convert, else an auto-applied converter of its type. */
    private Class<?> converterOf(java.lang.reflect.AnnotatedElement annotations, Class<?> javaType) {
        Convert convert = annotations.getAnnotation(Convert.class);
        if (convert != null && convert.attributeName().isEmpty()) {
            if (convert.disableConversion()) {
                return null;
            }
            if (convert.converter() != AttributeConverter.class) {
                return convert.converter();
            }
        }
        return autoApplied.get(wrap(javaType));
    }

    private static String sqlLiteral(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : Identifiers.literal(value.toString());
    }

    private static boolean constantsPresent(Class<?> enumType) {
        return enumType.getEnumConstants().length > 0;
    }

    /** The check Hibernate 6 writes for an enum stored by name, as PostgreSQL prints it back. */
    private static String stringEnumCheck(String column, Object[] constants) {
        String values = Arrays.stream(constants)
                .map(c -> Identifiers.literal(((Enum<?>) c).name()) + "::character varying")
                .collect(Collectors.joining(", "));
        return "(" + Identifiers.quote(column) + ")::text = ANY ((ARRAY[" + values + "])::text[])";
    }

    /** IDENTITY becomes an identity column; SEQUENCE and AUTO on a number register the sequence Hibernate uses. */
    private Identity generation(EntityInfo owner, Field field, String where) {
        GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
        if (generated == null || owner == null) {
            return null;
        }
        boolean numeric = Number.class.isAssignableFrom(wrap(field.getType()));
        switch (generated.strategy()) {
            case IDENTITY -> {
                return Identity.byDefault();
            }
            case SEQUENCE, AUTO -> {
                if (numeric) {
                    registerSequence(owner, field, generated);
                }
                return null;
            }
            case TABLE -> throw unsupported(where, "@GeneratedValue(strategy = TABLE)");
            default -> {
                return null;
            }
        }
    }

    private void registerSequence(EntityInfo owner, Field field, GeneratedValue generated) {
        SequenceGenerator generator = field.getAnnotation(SequenceGenerator.class);
        if (generator == null && !generated.generator().isEmpty()) {
            generator = generators.get(generated.generator());
        }
        String logical;
        String schema = owner.table().schema();
        long start = 1;
        long increment = HIBERNATE_ALLOCATION_SIZE;
        if (generator != null) {
            logical = generator.sequenceName().isEmpty() ? generator.name() : generator.sequenceName();
            schema = generator.schema().isEmpty() ? schema : physical(generator.schema());
            start = generator.initialValue();
            increment = generator.allocationSize();
        } else if (!generated.generator().isEmpty()) {
            logical = generated.generator();
        } else {
            // Subclasses share the generator of their hierarchy, named after the root entity's table.
            logical = entities.get(owner.root()).tableLogical() + "_SEQ";
        }
        QualifiedName name = QualifiedName.of(schema, physical(logical));
        sequences.putIfAbsent(name, new Sequence(name.name(), DataType.of("bigint"),
                new SequenceOptions(start, increment, null, null, null, false), null, null, null));
    }

    private void collectGenerators(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (SequenceGenerator generator : c.getAnnotationsByType(SequenceGenerator.class)) {
                generators.putIfAbsent(generator.name(), generator);
            }
            for (Field field : c.getDeclaredFields()) {
                for (SequenceGenerator generator : field.getAnnotationsByType(SequenceGenerator.class)) {
                    generators.putIfAbsent(generator.name(), generator);
                }
            }
        }
    }

    // ---- associations -------------------------------------------------------------------------------------

    /** Hibernate keeps optional = false and nullable = false join columns NOT NULL, also in SINGLE_TABLE subclasses. */
    private void mapToOne(EntityInfo owner, TableDraft draft, Field field, String where) {
        ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = field.getAnnotation(OneToOne.class);
        Class<?> targetClass = manyToOne != null && manyToOne.targetEntity() != void.class ? manyToOne.targetEntity()
                : oneToOne != null && oneToOne.targetEntity() != void.class ? oneToOne.targetEntity() : field.getType();
        EntityInfo target = entity(targetClass, where);
        boolean optional = manyToOne != null ? manyToOne.optional() : oneToOne.optional();
        List<JoinColumn> joinColumns = joinColumns(field);
        List<KeyColumn> targetKey = referencedColumns(target, joinColumns, where);
        List<String> columns = new ArrayList<>();
        boolean unique = oneToOne != null;
        for (int i = 0; i < targetKey.size(); i++) {
            KeyColumn referenced = targetKey.get(i);
            JoinColumn join = matchingJoinColumn(joinColumns, referenced, i, targetKey.size(), where);
            String name = join != null && !join.name().isEmpty() ? physical(join.name())
                    : physical(field.getName() + "_" + referenced.logical());
            boolean nullable = optional && (join == null || join.nullable());
            unique |= join != null && join.unique();
            draft.addColumn(new Column(name, referenced.type(), nullable, null, null, null, null, null, null, null, null));
            columns.add(name);
        }
        if (unique) {
            draft.addUnique(null, columns);
        }
        ForeignKey foreignKey = foreignKeyOf(field);
        if (foreignKey == null || foreignKey.value() != ConstraintMode.NO_CONSTRAINT) {
            draft.addForeignKey(foreignKey == null ? null : constraintName(foreignKey.name()), columns, target.table(), names(targetKey));
        }
    }

    /**
     * The target columns the join columns reference: the target's primary key, unless every join column names a
     * {@code referencedColumnName} and one of them is not a key column; then those columns, in join column order.
     */
    private List<KeyColumn> referencedColumns(EntityInfo target, List<JoinColumn> joinColumns, String where) {
        List<KeyColumn> key = keyColumns(target.type());
        Set<String> keyNames = Set.copyOf(names(key));
        if (joinColumns.isEmpty() || joinColumns.stream().anyMatch(j -> j.referencedColumnName().isEmpty())
                || joinColumns.stream().allMatch(j -> keyNames.contains(physical(j.referencedColumnName())))) {
            return key;
        }
        List<KeyColumn> referenced = new ArrayList<>();
        for (JoinColumn join : joinColumns) {
            referenced.add(attributeColumn(target, join.referencedColumnName(), where));
        }
        return referenced;
    }

    /** The basic attribute of an entity (or its superclasses) that is stored in the column {@code logicalName}. */
    private KeyColumn attributeColumn(EntityInfo target, String logicalName, String where) {
        String wanted = physical(logicalName);
        for (Field candidate : ownFields(target.type(), null)) {
            if (candidate.isAnnotationPresent(ManyToOne.class) || candidate.isAnnotationPresent(OneToOne.class)
                    || candidate.isAnnotationPresent(OneToMany.class) || candidate.isAnnotationPresent(ManyToMany.class)
                    || candidate.isAnnotationPresent(ElementCollection.class) || candidate.isAnnotationPresent(Embedded.class)
                    || candidate.isAnnotationPresent(EmbeddedId.class) || candidate.getType().isAnnotationPresent(Embeddable.class)) {
                continue;
            }
            jakarta.persistence.Column column = candidate.getAnnotation(jakarta.persistence.Column.class);
            String logical = column != null && !column.name().isEmpty() ? column.name() : candidate.getName();
            if (physical(logical).equals(wanted)) {
                String candidateWhere = candidate.getDeclaringClass().getName() + "." + candidate.getName();
                return new KeyColumn(logical, wanted, JavaTypes.typeOf(candidate.getType(), column, candidate, candidateWhere));
            }
        }
        throw new UnmappableAttributeException(where + " joins on column " + logicalName + ", which is not a basic attribute's"
                + " column of " + target.type().getName());
    }

    /** A unidirectional @OneToMany: with @JoinColumn the key goes into the target's table, otherwise a join table. */
    private void mapOneToMany(EntityInfo owner, Field field, String where) {
        List<JoinColumn> joinColumns = joinColumns(field);
        if (joinColumns.isEmpty()) {
            mapJoinTable(owner, field, true, where);
            return;
        }
        EntityInfo target = entity(elementType(field, field.getAnnotation(OneToMany.class).targetEntity(), where), where);
        TableDraft targetDraft = table(target.table());
        List<KeyColumn> ownerKey = keyColumns(owner.type());
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < ownerKey.size(); i++) {
            KeyColumn referenced = ownerKey.get(i);
            JoinColumn join = matchingJoinColumn(joinColumns, referenced, i, ownerKey.size(), where);
            String name = join != null && !join.name().isEmpty() ? physical(join.name())
                    : physical(field.getName() + "_" + referenced.logical());
            targetDraft.addColumn(new Column(name, referenced.type(), join == null || join.nullable(), null, null, null, null, null, null, null, null));
            columns.add(name);
        }
        targetDraft.addForeignKey(null, columns, owner.table(), names(ownerKey));
    }

    private void mapJoinTable(EntityInfo owner, Field field, boolean oneToMany, String where) {
        Class<?> declaredTarget = oneToMany ? field.getAnnotation(OneToMany.class).targetEntity()
                : field.getAnnotation(ManyToMany.class).targetEntity();
        EntityInfo target = entity(elementType(field, declaredTarget, where), where);
        JoinTable joinTable = field.getAnnotation(JoinTable.class);
        String logical = joinTable != null && !joinTable.name().isEmpty() ? joinTable.name()
                : naming.namesJoinTablesAfterAttribute() ? owner.table().name() + "_" + field.getName()
                : owner.table().name() + "_" + target.table().name();
        String schema = joinTable != null && !joinTable.schema().isEmpty() ? physical(joinTable.schema()) : defaultSchema;
        TableDraft draft = table(QualifiedName.of(schema, physical(logical)));
        String ownerPrefix = inverseAttribute(target.type(), field).orElse(owner.entityName());
        List<String> ownerColumns = joinTableSide(draft, keyColumns(owner.type()),
                joinTable == null ? List.of() : Arrays.asList(joinTable.joinColumns()), ownerPrefix, where);
        List<String> targetColumns = joinTableSide(draft, keyColumns(target.type()),
                joinTable == null ? List.of() : Arrays.asList(joinTable.inverseJoinColumns()), field.getName(), where);
        String order = orderColumn(draft, field);
        if (order != null) {
            List<String> key = new ArrayList<>(ownerColumns);
            key.add(order);
            draft.setPrimaryKey(key);
        } else if (Set.class.isAssignableFrom(field.getType())) {
            List<String> all = new ArrayList<>(ownerColumns);
            all.addAll(targetColumns);
            draft.setPrimaryKey(all);
        }
        if (oneToMany) {
            draft.addUnique(null, targetColumns);
        }
        draft.addForeignKey(joinTable == null ? null : constraintName(joinTable.foreignKey().name()),
                ownerColumns, owner.table(), names(keyColumns(owner.type())));
        draft.addForeignKey(joinTable == null ? null : constraintName(joinTable.inverseForeignKey().name()),
                targetColumns, target.table(), names(keyColumns(target.type())));
    }

    private List<String> joinTableSide(TableDraft draft, List<KeyColumn> key, List<JoinColumn> joinColumns,
                                       String prefix, String where) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            KeyColumn referenced = key.get(i);
            JoinColumn join = matchingJoinColumn(joinColumns, referenced, i, key.size(), where);
            String name = join != null && !join.name().isEmpty() ? physical(join.name())
                    : physical(prefix + "_" + referenced.logical());
            draft.addColumn(new Column(name, referenced.type(), false, null, null, null, null, null, null, null, null));
            columns.add(name);
        }
        return columns;
    }

    /** The attribute on the other side that says {@code mappedBy = "<this field>"}, if the association is bidirectional. */
    private static java.util.Optional<String> inverseAttribute(Class<?> target, Field field) {
        for (Field candidate : ownFields(target, null)) {
            ManyToMany manyToMany = candidate.getAnnotation(ManyToMany.class);
            if (manyToMany != null && manyToMany.mappedBy().equals(field.getName())) {
                return java.util.Optional.of(candidate.getName());
            }
        }
        return java.util.Optional.empty();
    }

    private void mapElementCollection(EntityInfo owner, Field field, String where) {
        if (Map.class.isAssignableFrom(field.getType())) {
            throw unsupported(where, "an @ElementCollection of a Map");
        }
        CollectionTable collectionTable = field.getAnnotation(CollectionTable.class);
        String logical = collectionTable != null && !collectionTable.name().isEmpty() ? collectionTable.name()
                : owner.entityName() + "_" + field.getName();
        String schema = collectionTable != null && !collectionTable.schema().isEmpty()
                ? physical(collectionTable.schema()) : defaultSchema;
        TableDraft draft = table(QualifiedName.of(schema, physical(logical)));
        List<KeyColumn> ownerKey = keyColumns(owner.type());
        List<String> ownerColumns = joinTableSide(draft, ownerKey,
                collectionTable == null ? List.of() : Arrays.asList(collectionTable.joinColumns()), owner.entityName(), where);
        Class<?> element = elementType(field, field.getAnnotation(ElementCollection.class).targetClass(), where);
        List<String> before = draft.columns().stream().map(Column::name).toList();
        if (element.isAnnotationPresent(Embeddable.class)) {
            mapEmbedded(null, draft, field, element, Map.of(), false);
        } else {
            jakarta.persistence.Column column = field.getAnnotation(jakarta.persistence.Column.class);
            mapBasic(draft, element, field, column, field.getName(), column == null || column.nullable(), null, where);
        }
        List<Column> elementColumns = draft.columns().stream().filter(c -> !before.contains(c.name())).toList();
        String order = orderColumn(draft, field);
        if (order != null) {
            List<String> key = new ArrayList<>(ownerColumns);
            key.add(order);
            draft.setPrimaryKey(key);
        } else if (Set.class.isAssignableFrom(field.getType()) && elementColumns.stream().noneMatch(Column::nullable)) {
            List<String> key = new ArrayList<>(ownerColumns);
            elementColumns.forEach(c -> key.add(c.name()));
            draft.setPrimaryKey(key);
        }
        ForeignKey foreignKey = collectionTable == null ? null : collectionTable.foreignKey();
        draft.addForeignKey(foreignKey == null ? null : constraintName(foreignKey.name()), ownerColumns, owner.table(), names(ownerKey));
    }

    /**
     * The {@code @OrderColumn} of a list kept in a join or collection table: an integer column (by default
     * {@code <attribute>_ORDER}) that, with the owner's key, is the table's primary key. Null without one.
     */
    private String orderColumn(TableDraft draft, Field field) {
        OrderColumn order = field.getAnnotation(OrderColumn.class);
        if (order == null) {
            return null;
        }
        String name = physical(order.name().isEmpty() ? field.getName() + "_ORDER" : order.name());
        draft.addColumn(new Column(name, DataType.of("integer"), false, null, null, null, null, null, null, null, null));
        return name;
    }

    private static Class<?> elementType(Field field, Class<?> declared, String where) {
        if (declared != null && declared != void.class) {
            return declared;
        }
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (arguments[arguments.length - 1] instanceof Class<?> element) {
                return element;
            }
        }
        throw new UnmappableAttributeException(where + " is a collection whose element type cannot be read from its "
                + "declaration; declare it as e.g. Set<Tag>, or name targetEntity/targetClass");
    }

    private static List<JoinColumn> joinColumns(Field field) {
        JoinColumns many = field.getAnnotation(JoinColumns.class);
        if (many != null) {
            return Arrays.asList(many.value());
        }
        return Arrays.asList(field.getAnnotationsByType(JoinColumn.class));
    }

    private static ForeignKey foreignKeyOf(Field field) {
        JoinColumns many = field.getAnnotation(JoinColumns.class);
        if (many != null) {
            return many.foreignKey();
        }
        JoinColumn single = field.getAnnotation(JoinColumn.class);
        return single == null ? null : single.foreignKey();
    }

    /** The join column for one referenced key column: by referencedColumnName, else by position. */
    private JoinColumn matchingJoinColumn(List<JoinColumn> joinColumns, KeyColumn referenced, int position, int keySize,
                                          String where) {
        if (joinColumns.isEmpty()) {
            return null;
        }
        for (JoinColumn join : joinColumns) {
            if (!join.referencedColumnName().isEmpty() && physical(join.referencedColumnName()).equals(referenced.name())) {
                return join;
            }
        }
        if (joinColumns.size() != keySize) {
            throw new IllegalArgumentException(where + " has " + joinColumns.size() + " join column(s) for a key of "
                    + keySize + " column(s); give one @JoinColumn per key column");
        }
        JoinColumn join = joinColumns.get(position);
        if (!join.referencedColumnName().isEmpty()) {
            throw unsupported(where, "a @JoinColumn referencing " + join.referencedColumnName()
                    + ", which is not a primary key column (only primary key references are supported)");
        }
        return join;
    }

    private EntityInfo entity(Class<?> type, String where) {
        EntityInfo entity = entities.get(type);
        if (entity == null) {
            throw new IllegalArgumentException(where + " refers to " + type.getName()
                    + ", which is not among the entity classes read; add it to the classes given to JpaSchemaReader");
        }
        return entity;
    }

    // ---- primary keys -------------------------------------------------------------------------------------

    /** The primary key columns of an entity's table, in the order Hibernate declares them. */
    private List<KeyColumn> keyColumns(Class<?> type) {
        List<KeyColumn> cached = keys.get(type);
        if (cached != null) {
            return cached;
        }
        EntityInfo entity = entities.get(type);
        List<KeyColumn> key;
        if (entity.parent() == null) {
            key = rootKey(entity);
        } else {
            List<KeyColumn> parentKey = keyColumns(entity.parent());
            key = entity.strategy() == InheritanceType.JOINED ? renamedByPrimaryKeyJoinColumns(entity, parentKey) : parentKey;
        }
        keys.put(type, key);
        return key;
    }

    private List<KeyColumn> rootKey(EntityInfo entity) {
        List<Field> idFields = fieldsWithId(entity.type());
        if (idFields.isEmpty()) {
            throw new IllegalArgumentException("entity " + entity.type().getName() + " has no @Id or @EmbeddedId attribute");
        }
        List<KeyColumn> key = new ArrayList<>();
        if (idFields.get(0).isAnnotationPresent(EmbeddedId.class)) {
            Field id = idFields.get(0);
            Map<String, jakarta.persistence.Column> overrides = attributeOverrides(id);
            // Hibernate orders the attributes of a composite key by name.
            ownFields(id.getType(), null).stream().sorted(Comparator.comparing(Field::getName))
                    .forEach(f -> key.add(keyColumn(f, overrides.getOrDefault(f.getName(), f.getAnnotation(jakarta.persistence.Column.class)))));
            return key;
        }
        if (idFields.stream().anyMatch(f -> f.isAnnotationPresent(ManyToOne.class) || f.isAnnotationPresent(OneToOne.class))) {
            throw unsupported(entity.type().getName(), "an @Id on an association (derived identity)");
        }
        boolean composite = idFields.size() > 1 || entity.type().isAnnotationPresent(IdClass.class);
        idFields.stream().sorted(composite ? Comparator.comparing(Field::getName) : (a, b) -> 0)
                .forEach(f -> key.add(keyColumn(f, f.getAnnotation(jakarta.persistence.Column.class))));
        return key;
    }

    private KeyColumn keyColumn(Field field, jakarta.persistence.Column column) {
        String logical = column != null && !column.name().isEmpty() ? column.name() : field.getName();
        DataType type = JavaTypes.typeOf(field.getType(), column, field, field.getDeclaringClass().getName() + "." + field.getName());
        return new KeyColumn(logical, physical(logical), type);
    }

    private static List<Field> fieldsWithId(Class<?> type) {
        return ownFields(type, null).stream()
                .filter(f -> f.isAnnotationPresent(Id.class) || f.isAnnotationPresent(EmbeddedId.class))
                .toList();
    }

    private List<KeyColumn> renamedByPrimaryKeyJoinColumns(EntityInfo entity, List<KeyColumn> parentKey) {
        List<PrimaryKeyJoinColumn> joins = new ArrayList<>(Arrays.asList(entity.type().getAnnotationsByType(PrimaryKeyJoinColumn.class)));
        PrimaryKeyJoinColumns many = entity.type().getAnnotation(PrimaryKeyJoinColumns.class);
        if (many != null) {
            joins.addAll(Arrays.asList(many.value()));
        }
        if (joins.isEmpty()) {
            return parentKey;
        }
        List<KeyColumn> key = new ArrayList<>();
        for (int i = 0; i < parentKey.size(); i++) {
            KeyColumn parent = parentKey.get(i);
            PrimaryKeyJoinColumn join = joins.stream()
                    .filter(j -> !j.referencedColumnName().isEmpty() && physical(j.referencedColumnName()).equals(parent.name()))
                    .findFirst().orElse(i < joins.size() ? joins.get(i) : null);
            key.add(join == null || join.name().isEmpty() ? parent
                    : new KeyColumn(join.name(), physical(join.name()), parent.type()));
        }
        return key;
    }

    // ---- names --------------------------------------------------------------------------------------------

    private String physical(String logical) {
        String name = naming.physical(logical);
        spelling.putIfAbsent(name, naming.unfolded(logical));
        return name;
    }

    /** A constraint or index name from an annotation: not transformed by the naming strategy, only folded. */
    private static String constraintName(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return NamingStrategy.AS_WRITTEN.physical(name);
    }

    private static List<String> names(List<KeyColumn> key) {
        return key.stream().map(KeyColumn::name).toList();
    }

    private static Class<?> wrap(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            default -> type;
        };
    }

    private static UnmappableAttributeException unsupported(String where, String what) {
        return new UnmappableAttributeException(where + " uses " + what
                + ", which JpaSchemaReader does not read yet; declare that part of the schema in a YAML overlay instead");
    }
}
