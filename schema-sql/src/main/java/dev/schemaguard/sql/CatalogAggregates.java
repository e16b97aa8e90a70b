package dev.schemaguard.sql;

import dev.schemaguard.model.Aggregate;
import dev.schemaguard.model.Cast;
import dev.schemaguard.model.DataType;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Builds aggregates from rows of {@link CatalogQueries#routines} and casts from rows of {@link CatalogQueries#casts}. */
final class CatalogAggregates {

    private CatalogAggregates() {
    }

    static Aggregate aggregate(ResultSet row, String name, String arguments, String comment) throws SQLException {
        Aggregate.Kind kind = switch (row.getString("aggkind")) {
            case "o" -> Aggregate.Kind.ORDERED_SET;
            case "h" -> Aggregate.Kind.HYPOTHETICAL;
            default -> Aggregate.Kind.NORMAL;
        };
        Aggregate.Moving moving = null;
        if (row.getString("agg_mtransfn") != null) {
            moving = new Aggregate.Moving(row.getString("agg_mtransfn"), row.getString("agg_minvtransfn"),
                    DataType.parse(row.getString("agg_mtranstype")), row.getInt("aggmtransspace"),
                    row.getString("agg_mfinalfn"), row.getBoolean("aggmfinalextra"),
                    modify(row.getString("aggmfinalmodify")), row.getString("aggminitval"));
        }
        return new Aggregate(name, arguments, kind, row.getString("agg_transfn"),
                DataType.parse(row.getString("agg_transtype")), row.getInt("aggtransspace"), row.getString("agg_finalfn"),
                row.getBoolean("aggfinalextra"), modify(row.getString("aggfinalmodify")), row.getString("agg_combinefn"),
                row.getString("agg_serialfn"), row.getString("agg_deserialfn"), row.getString("agginitval"), moving,
                row.getString("agg_sortop"), parallel(row.getString("proparallel")), comment);
    }

    static Cast cast(ResultSet row) throws SQLException {
        Cast.Method method = switch (row.getString("castmethod")) {
            case "f" -> Cast.Method.FUNCTION;
            case "b" -> Cast.Method.BINARY;
            case "i" -> Cast.Method.INOUT;
            default -> throw new IllegalStateException("a cast has method code '" + row.getString("castmethod")
                    + "', which schemaguard does not know");
        };
        Cast.Context context = switch (row.getString("castcontext")) {
            case "e" -> Cast.Context.EXPLICIT;
            case "a" -> Cast.Context.ASSIGNMENT;
            case "i" -> Cast.Context.IMPLICIT;
            default -> throw new IllegalStateException("a cast has context code '" + row.getString("castcontext")
                    + "', which schemaguard does not know");
        };
        return new Cast(DataType.parse(row.getString("source_type")), DataType.parse(row.getString("target_type")),
                method, row.getString("function_name"), row.getString("function_arguments"), context,
                row.getString("comment"));
    }

    private static Aggregate.Modify modify(String code) {
        return switch (code == null ? "r" : code) {
            case "s" -> Aggregate.Modify.SHAREABLE;
            case "w" -> Aggregate.Modify.READ_WRITE;
            default -> Aggregate.Modify.READ_ONLY;
        };
    }

    private static Aggregate.Parallel parallel(String code) {
        return switch (code) {
            case "s" -> Aggregate.Parallel.SAFE;
            case "r" -> Aggregate.Parallel.RESTRICTED;
            default -> Aggregate.Parallel.UNSAFE;
        };
    }
}
