package dev.schemaguard.diff;

import dev.schemaguard.model.Publication;
import dev.schemaguard.model.QualifiedName;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How two publications of one name compare: members as sets, row filters in either spelling. */
public final class Publications {

    private Publications() {
    }

    static boolean same(Publication a, Publication b) {
        return a.allTables() == b.allTables() && sameTables(a, b)
                && new TreeSet<>(a.schemas()).equals(new TreeSet<>(b.schemas()))
                && a.publish().equals(b.publish()) && a.viaPartitionRoot() == b.viaPartitionRoot()
                && Objects.equals(a.comment(), b.comment());
    }

    static boolean sameTables(Publication a, Publication b) {
        Map<QualifiedName, Publication.Table> want = byName(a);
        Map<QualifiedName, Publication.Table> have = byName(b);
        if (!want.keySet().equals(have.keySet())) {
            return false;
        }
        return want.values().stream().allMatch(table -> sameMember(table, have.get(table.table())));
    }

    /** The same table with the same column list and an equivalent row filter. */
    public static boolean sameMember(Publication.Table a, Publication.Table b) {
        return a.columns().equals(b.columns()) && Expressions.equivalent(a.where(), b.where());
    }

    static Map<QualifiedName, Publication.Table> byName(Publication publication) {
        Map<QualifiedName, Publication.Table> tables = new TreeMap<>();
        publication.tables().forEach(table -> tables.put(table.table(), table));
        return tables;
    }

    static String tableList(Publication publication) {
        return byName(publication).keySet().stream().map(QualifiedName::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
