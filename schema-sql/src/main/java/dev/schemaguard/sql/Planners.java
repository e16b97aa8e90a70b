package dev.schemaguard.sql;

/** The planners of one plan, one per concern, sharing its context, ledger and statements. */
final class Planners {

    final PlanContext context;
    final PlanLedger ledger = new PlanLedger();
    final PlanSteps steps = new PlanSteps();
    final PlanSurvey survey;
    final ChangeDispatch dispatch;
    final SchemaPlanner schemas;
    final RenamePlanner renames;
    final TablePlanner tables;
    final ColumnPlanner columns;
    final TablePartPlanner parts;
    final ForeignKeyPlanner foreignKeys;
    final TypePlanner types;
    final RoutinePlanner routines;
    final DependentsPlanner dependents;
    final TextSearchPlanner textSearch;
    final CastPlanner casts;
    final ForeignDataPlanner foreignData;
    final PublicationPlanner publications;
    final GrantPlanner grants;

    Planners(PlanContext context) {
        this.context = context;
        this.survey = new PlanSurvey(this);
        this.dispatch = new ChangeDispatch(this);
        this.schemas = new SchemaPlanner(this);
        this.renames = new RenamePlanner(this);
        this.tables = new TablePlanner(this);
        this.columns = new ColumnPlanner(this);
        this.parts = new TablePartPlanner(this);
        this.foreignKeys = new ForeignKeyPlanner(this);
        this.types = new TypePlanner(this);
        this.routines = new RoutinePlanner(this);
        this.dependents = new DependentsPlanner(this);
        this.textSearch = new TextSearchPlanner(this);
        this.casts = new CastPlanner(this);
        this.foreignData = new ForeignDataPlanner(this);
        this.publications = new PublicationPlanner(this);
        this.grants = new GrantPlanner(this);
    }
}
