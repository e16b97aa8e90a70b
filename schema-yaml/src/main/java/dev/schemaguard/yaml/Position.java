package dev.schemaguard.yaml;

/** A place in a YAML source: file name (or the name given to a string), 1-based line and column. */
public record Position(String source, int line, int column) {

    @Override
    public String toString() {
        return source + ":" + line + ":" + column;
    }
}
