package dev.schemaguard.model;

/**
 * What a table's UPDATE and DELETE records carry to logical replication: {@code REPLICA IDENTITY DEFAULT} (the
 * primary key), {@code FULL} (the whole old row), {@code NOTHING}, or {@code USING INDEX index} (a unique index
 * of the table, named in {@code index}).
 */
public record ReplicaIdentity(Kind kind, String index) {

    public enum Kind { DEFAULT, FULL, NOTHING, INDEX }

    public static final ReplicaIdentity DEFAULT = new ReplicaIdentity(Kind.DEFAULT, null);
    public static final ReplicaIdentity FULL = new ReplicaIdentity(Kind.FULL, null);
    public static final ReplicaIdentity NOTHING = new ReplicaIdentity(Kind.NOTHING, null);

    public ReplicaIdentity {
        if (kind == null) {
            throw new IllegalArgumentException("replica identity needs a kind");
        }
        if ((kind == Kind.INDEX) != (index != null)) {
            throw new IllegalArgumentException("replica identity names an index exactly when it is USING INDEX");
        }
    }

    public static ReplicaIdentity usingIndex(String index) {
        Identifiers.requireValid(index, "replica identity index");
        return new ReplicaIdentity(Kind.INDEX, index);
    }

    /** The words after {@code REPLICA IDENTITY}, with the index name quoted where it needs it. */
    public String sql() {
        return kind == Kind.INDEX ? "USING INDEX " + Identifiers.quote(index) : kind.name();
    }
}
