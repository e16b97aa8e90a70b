package dev.schemaguard.yaml;

import static dev.schemaguard.yaml.YamlKeys.*;

import dev.schemaguard.model.Grant;
import dev.schemaguard.model.Identifiers;
import dev.schemaguard.model.ObjectRef;
import dev.schemaguard.model.Privilege;
import dev.schemaguard.yaml.YamlNode.ListNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code grants} of a schema: a list of entries, each granting privileges on one object to roles
 * ({@code grant}, {@code to}, optionally {@code with_grant_option}) or revoking default privileges from them
 * ({@code revoke}, {@code from}). The object is {@code schema} (the schema itself) or a kind followed by a name
 * in the schema, spelt as in SQL: {@code table orders}, {@code column orders.email},
 * {@code function add(a integer, b integer)}.
 */
final class GrantReader {

    /** The words an object starts with, longest first so that "materialized view" wins over "view". */
    private static final Map<String, ObjectRef.Kind> KINDS = kinds();

    private GrantReader() {
    }

    private static Map<String, ObjectRef.Kind> kinds() {
        Map<String, ObjectRef.Kind> kinds = new LinkedHashMap<>();
        kinds.put("materialized view", ObjectRef.Kind.MATERIALIZED_VIEW);
        kinds.put("table", ObjectRef.Kind.TABLE);
        kinds.put("view", ObjectRef.Kind.VIEW);
        kinds.put("sequence", ObjectRef.Kind.SEQUENCE);
        kinds.put("type", ObjectRef.Kind.TYPE);
        kinds.put("function", ObjectRef.Kind.ROUTINE);
        kinds.put("procedure", ObjectRef.Kind.ROUTINE);
        kinds.put("routine", ObjectRef.Kind.ROUTINE);
        kinds.put("aggregate", ObjectRef.Kind.ROUTINE);
        kinds.put("column", ObjectRef.Kind.COLUMN);
        return kinds;
    }

    /** The grants of every entry, each placed at its entry. */
    static List<SchemaObjectReader.Placed<Grant>> read(String schema, YamlNode node) {
        List<SchemaObjectReader.Placed<Grant>> grants = new ArrayList<>();
        for (YamlNode item : Nodes.list(node, "the grants of schema " + schema)) {
            entry(schema, item).forEach(grant -> grants.add(new SchemaObjectReader.Placed<>(grant, item.position())));
        }
        return grants;
    }

    private static List<Grant> entry(String schema, YamlNode item) {
        String what = "a grant of schema " + schema;
        Fields fields = Fields.of(item, GRANT_KEYS, what);
        boolean revoke = fields.has(REVOKE);
        if (revoke == fields.has(GRANT)) {
            throw new YamlSchemaException(fields.position(), what + " needs either 'grant' (with 'to') or 'revoke' (with 'from'),"
                    + " e.g. {grant: [select], object: table orders, to: reporting}");
        }
        String roleKey = revoke ? FROM : TO;
        if (fields.has(revoke ? TO : FROM)) {
            throw fields.error(revoke ? TO : FROM, "'" + (revoke ? REVOKE : GRANT) + "' goes with '" + roleKey + "', not '"
                    + (revoke ? TO : FROM) + "'");
        }
        if (!fields.has(roleKey)) {
            throw new YamlSchemaException(fields.position(), what + " needs '" + roleKey + "': the roles (or public)");
        }
        if (!fields.has(OBJECT)) {
            throw new YamlSchemaException(fields.position(), what + " needs 'object', e.g. table orders, or schema");
        }
        ObjectRef on = object(schema, fields);
        boolean grantOption = fields.bool(WITH_GRANT_OPTION, false);
        List<Privilege> privileges = privileges(fields, revoke ? REVOKE : GRANT);
        List<Grant> grants = new ArrayList<>();
        for (String role : fields.names(roleKey)) {
            for (Privilege privilege : privileges) {
                grants.add(Nodes.build(fields.position(), what, () -> new Grant(on, role, privilege, grantOption, revoke)));
            }
        }
        return grants;
    }

    private static List<Privilege> privileges(Fields fields, String key) {
        List<Privilege> privileges = new ArrayList<>();
        YamlNode node = fields.node(key);
        List<YamlNode> items = node instanceof ListNode list ? list.items() : List.of(node);
        Map<String, Privilege> words = new LinkedHashMap<>();
        for (Privilege privilege : Privilege.values()) {
            words.put(privilege.name().toLowerCase(Locale.ROOT), privilege);
        }
        for (YamlNode item : items) {
            privileges.add(Nodes.choice(item, words, "a privilege in '" + key + "' of " + fields.what()));
        }
        if (privileges.isEmpty()) {
            throw fields.error(key, "'" + key + "' of " + fields.what() + " names no privilege");
        }
        return privileges;
    }

    /** {@code schema}, {@code table orders}, {@code column orders.email}, {@code function add(a integer, b integer)}. */
    private static ObjectRef object(String schema, Fields fields) {
        String text = fields.requiredText(OBJECT).strip();
        if (text.equalsIgnoreCase("schema")) {
            return new ObjectRef(ObjectRef.Kind.SCHEMA, null, schema, null);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ObjectRef.Kind> kind : KINDS.entrySet()) {
            if (lower.startsWith(kind.getKey() + " ")) {
                String name = text.substring(kind.getKey().length()).strip();
                try {
                    return object(schema, kind.getValue(), name);
                } catch (IllegalArgumentException e) {
                    throw fields.error(OBJECT, "'object' of " + fields.what() + ": " + e.getMessage());
                }
            }
        }
        throw fields.error(OBJECT, "'object' of " + fields.what() + " is '" + text + "'; expected schema, or one of "
                + String.join(", ", KINDS.keySet()) + " followed by a name in schema " + schema + " (e.g. table orders)");
    }

    private static ObjectRef object(String schema, ObjectRef.Kind kind, String name) {
        SqlWords.Scanner scanner = new SqlWords.Scanner(name);
        String first = scanner.identifier();
        if (kind == ObjectRef.Kind.ROUTINE) {
            String arguments = "";
            if (!scanner.atEnd()) {
                scanner.expect('(');
                String rest = scanner.rest().strip();
                if (!rest.endsWith(")")) {
                    throw new IllegalArgumentException("the argument list of '" + name + "' does not end with ')'");
                }
                arguments = rest.substring(0, rest.length() - 1).strip();
                if (!arguments.isEmpty()) {
                    SqlText.EXPRESSION_LIST.check(arguments, "the argument list of '" + name + "'");
                }
            }
            return ObjectRef.of(kind, schema, Identifiers.quote(first) + "(" + arguments + ")");
        }
        String member = null;
        if (kind == ObjectRef.Kind.COLUMN) {
            scanner.expect('.');
            member = scanner.identifier();
        }
        if (!scanner.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + scanner.rest().strip() + "' after the name; names are"
                    + " unqualified (the schema is the one the grants belong to) and spelt as in SQL");
        }
        return new ObjectRef(kind, schema, first, member);
    }
}
