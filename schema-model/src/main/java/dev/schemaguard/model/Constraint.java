package dev.schemaguard.model;

/** A table constraint. Every constraint has a name: the DSL fills in the one PostgreSQL would choose. */
public sealed interface Constraint permits PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint, ExclusionConstraint {

    String name();

    /** The name it is declared renamed from ({@code renamed_from}), or null. */
    String renamedFrom();

    /** A short word for messages: "primary key", "unique constraint", ... */
    String kind();
}
