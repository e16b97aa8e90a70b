package dev.schemaguard.sql;

import dev.schemaguard.diff.SchemaChange;
import dev.schemaguard.sql.PlanStatement.Kind;

/**
 * Sends each change of the diff to the planner of its concern: one method per kind of change, so that a new kind
 * does not compile until it is planned. The kinds planned in another pass of {@link MigrationPlanner} say where.
 */
final class ChangeDispatch extends ConcernPlanner implements SchemaChange.Visitor<Void> {

    ChangeDispatch(Planners planners) {
        super(planners);
    }

    /** Plans {@code change}, unless it belongs to a table created afresh from the expected model. */
    void plan(SchemaChange change) {
        if (change instanceof SchemaChange.TableChange tableChange && ledger.rebuildsTable(tableChange.table())
                && !(change instanceof SchemaChange.TableDropped) && !(change instanceof SchemaChange.TableRenamed)
                && !(change instanceof SchemaChange.ColumnRenamed)) {
            return;
        }
        change.accept(this);
    }

    // ---- schemas and extensions ----

    @Override
    public Void visit(SchemaChange.SchemaAdded change) {
        schemas().schemaAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.SchemaDropped change) {
        schemas().planSchemaDrop(change.schema());
        return null;
    }

    @Override
    public Void visit(SchemaChange.SchemaCommentChanged change) {
        schemas().schemaCommentChanged(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ExtensionAdded change) {
        schemas().extensionAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ExtensionDropped change) {
        schemas().extensionDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ExtensionAltered change) {
        schemas().planExtensionAlter(change.expected(), change.actual());
        return null;
    }

    @Override
    public Void visit(SchemaChange.ObjectAdded change) {
        schemas().planObjectAdded(change.schema(), change.object());
        return null;
    }

    @Override
    public Void visit(SchemaChange.ObjectDropped change) {
        schemas().planObjectDropped(change.schema(), change.object());
        return null;
    }

    @Override
    public Void visit(SchemaChange.ObjectAltered change) {
        schemas().planObjectAltered(change.schema(), change.expected(), change.actual());
        return null;
    }

    // ---- declared renames ----

    @Override
    public Void visit(SchemaChange.TableRenamed change) {
        renames().tableRenamed(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ColumnRenamed change) {
        renames().columnRenamed(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.SchemaRenamed change) {
        renames().declaredRename(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.TypeRenamed change) {
        renames().declaredRename(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexRenamed change) {
        renames().declaredRename(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ConstraintRenamed change) {
        renames().declaredRename(change);
        return null;
    }

    // ---- tables, partitions and inheritance ----

    /** With every other new table, in foreign key order: {@link TablePlanner#planTableCreations}. */
    @Override
    public Void visit(SchemaChange.TableAdded change) {
        return null;
    }

    @Override
    public Void visit(SchemaChange.TableDropped change) {
        tables().planTableDrop(group(), change.table(), change.definition());
        return null;
    }

    @Override
    public Void visit(SchemaChange.TableCommentChanged change) {
        tables().commentChanged(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.RowSecurityChanged change) {
        tables().planRowSecurity(group(), change.table(), change.expected(), change.actual(), Kind.ALTER);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PersistenceChanged change) {
        tables().planPersistence(change.table(), change.expectedUnlogged());
        return null;
    }

    @Override
    public Void visit(SchemaChange.StorageParametersChanged change) {
        tables().storageParametersChanged(change);
        return null;
    }

    /** A new partitioning is a table rebuild, found in the first pass: {@link PlanSurvey}. */
    @Override
    public Void visit(SchemaChange.PartitioningChanged change) {
        return null;
    }

    @Override
    public Void visit(SchemaChange.PartitionBoundChanged change) {
        tables().planPartitionBound(change.table(), change.expected(), change.actual());
        return null;
    }

    @Override
    public Void visit(SchemaChange.InheritanceChanged change) {
        tables().planInheritance(change.table(), change.expected(), change.actual());
        return null;
    }

    // ---- columns ----

    @Override
    public Void visit(SchemaChange.ColumnAdded change) {
        columns().planColumnAdd(group(), change.table(), change.column(), Kind.CREATE);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ColumnDropped change) {
        columns().columnDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ColumnAltered change) {
        columns().planColumnAlter(change);
        return null;
    }

    // ---- constraints, indexes, policies, replica identity ----

    @Override
    public Void visit(SchemaChange.ConstraintAdded change) {
        parts().planConstraintAdd(change.table(), change.constraint(), Kind.CREATE);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ConstraintDropped change) {
        parts().planConstraintDrop(change.table(), change.constraint(), "not in the expected schema");
        return null;
    }

    @Override
    public Void visit(SchemaChange.ConstraintAltered change) {
        parts().constraintAltered(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ConstraintNotValidated change) {
        parts().constraintNotValidated(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ConstraintCommentChanged change) {
        parts().constraintCommentChanged(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexAdded change) {
        parts().planIndexCreate(group(), change.table(), change.index(), Kind.CREATE);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexDropped change) {
        parts().indexDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexAltered change) {
        parts().indexAltered(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexStorageParametersChanged change) {
        parts().indexStorageParametersChanged(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.IndexCommentChanged change) {
        parts().indexCommentChanged(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PolicyAdded change) {
        parts().policyAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PolicyDropped change) {
        parts().policyDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PolicyAltered change) {
        parts().policyAltered(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ReplicaIdentityChanged change) {
        parts().planReplicaIdentity(group(), change.table(), change.expected(), Kind.ALTER);
        return null;
    }

    // ---- triggers and rules ----

    @Override
    public Void visit(SchemaChange.TriggerAdded change) {
        routines().triggerAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.TriggerDropped change) {
        routines().triggerDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.TriggerAltered change) {
        routines().planTriggerAlter(change.table(), change.expected(), change.actual());
        return null;
    }

    @Override
    public Void visit(SchemaChange.RuleAdded change) {
        routines().ruleAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.RuleDropped change) {
        routines().ruleDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.RuleAltered change) {
        routines().planRuleAlter(change.table(), change.expected(), change.actual());
        return null;
    }

    // ---- foreign data ----

    @Override
    public Void visit(SchemaChange.ForeignDataWrapperAdded change) {
        foreignData().wrapperAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignDataWrapperDropped change) {
        foreignData().wrapperDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignDataWrapperAltered change) {
        foreignData().wrapperAltered(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignServerAdded change) {
        foreignData().serverAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignServerDropped change) {
        foreignData().serverDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignServerAltered change) {
        foreignData().serverAltered(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.ForeignTableChanged change) {
        foreignData().planForeignTableOptions(change);
        return null;
    }

    // ---- publications and casts ----

    @Override
    public Void visit(SchemaChange.PublicationAdded change) {
        publications().publicationAdded(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PublicationDropped change) {
        publications().publicationDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.PublicationAltered change) {
        publications().planPublicationAlter(change.expected(), change.actual());
        return null;
    }

    @Override
    public Void visit(SchemaChange.CastAdded change) {
        casts().planCastCreate(group(), change.cast(), Kind.CREATE);
        return null;
    }

    @Override
    public Void visit(SchemaChange.CastDropped change) {
        casts().castDropped(change);
        return null;
    }

    @Override
    public Void visit(SchemaChange.CastAltered change) {
        casts().planCastAlter(change.expected(), change.actual());
        return null;
    }

    // ---- planned in other passes ----

    /** Text search objects are planned all together once the drops of tables and columns are known: {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchDictionaryAdded change) {
        return null;
    }

    /** See {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchDictionaryDropped change) {
        return null;
    }

    /** See {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchDictionaryAltered change) {
        return null;
    }

    /** See {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchConfigurationAdded change) {
        return null;
    }

    /** See {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchConfigurationDropped change) {
        return null;
    }

    /** See {@link TextSearchPlanner}. */
    @Override
    public Void visit(SchemaChange.TextSearchConfigurationAltered change) {
        return null;
    }

    /** Grants are planned last, once every object exists: {@link GrantPlanner}. */
    @Override
    public Void visit(SchemaChange.GrantAdded change) {
        return null;
    }

    /** See {@link GrantPlanner}. */
    @Override
    public Void visit(SchemaChange.GrantDropped change) {
        return null;
    }

    /** See {@link GrantPlanner}. */
    @Override
    public Void visit(SchemaChange.GrantOptionChanged change) {
        return null;
    }
}
