package dev.schemaguard.yaml;

/**
 * A YAML schema that cannot be read: the message starts with {@code file:line:column} and says what was
 * expected there.
 */
public final class YamlSchemaException extends RuntimeException {

    private final transient Position position;

    public YamlSchemaException(Position position, String message) {
        super(position + ": " + message);
        this.position = position;
    }

    /** An error about a whole file or directory rather than a place in it. */
    public YamlSchemaException(String source, String message) {
        super(source + ": " + message);
        this.position = null;
    }

    /** Where the problem is; null when the error concerns a whole file or directory. */
    public Position position() {
        return position;
    }
}
