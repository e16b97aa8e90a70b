package dev.schemaguard.docs;

/**
 * Text that goes into a Mermaid {@code erDiagram}. Entities are named by generated aliases ({@code e1}, {@code e2},
 * ...) and shown with a quoted label, because Mermaid names allow few characters; a label may hold anything but
 * {@code "}, {@code %}, backslashes and line breaks, so those are written as Mermaid entity codes ({@code #quot;}).
 * Attribute types and names allow only letters, digits, {@code _}, {@code -} (and brackets in types): everything else
 * becomes {@code _}, and the attribute's comment gives the real name when that changed it.
 */
final class Mermaid {

    private Mermaid() {
    }

    /** A quoted label or relationship text: {@code "..."} with the characters Mermaid cannot take as entity codes. */
    static String quoted(String text) {
        StringBuilder label = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> label.append("#quot;");
                case '%', '\\', '#', ';', '{', '}', '<', '>' -> label.append('#').append(c).append(';');
                case '\n', '\r', '\t', 0x0B, '\b' -> label.append(' ');
                default -> label.appendCodePoint(c);
            }
        });
        return label.append('"').toString();
    }

    /** An attribute type: PostgreSQL's spelling with anything Mermaid does not take turned into {@code _}. */
    static String attributeType(String sqlType) {
        return word(sqlType, "[]()");
    }

    /** An attribute name: letters, digits, {@code _} and {@code -}; anything else becomes {@code _}. */
    static String attributeName(String column) {
        return word(column, "");
    }

    private static String word(String text, String alsoAllowed) {
        StringBuilder word = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || alsoAllowed.indexOf(c) >= 0;
            word.append(allowed ? c : '_');
        }
        if (word.isEmpty() || !Character.isLetter(word.charAt(0))) {
            word.insert(0, 'x');
        }
        return word.toString();
    }
}
