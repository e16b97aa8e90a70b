package dev.schemaguard.cli;

import dev.schemaguard.model.Database;
import dev.schemaguard.model.Schema;
import dev.schemaguard.sql.SqlLexer;
import dev.schemaguard.sql.SqlTextException;
import dev.schemaguard.yaml.Utf8Files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * An expected source that leaves nothing to compare: an empty file, one with only comments, or a schema selection
 * that leaves none of its schemas. Comparing nothing would say "matches" about any database, so it is an error.
 */
final class NothingToCompare {

    private NothingToCompare() {
    }

    /** The failure for {@code source}, which declared {@code read} before the schema selection. */
    static CliFailure failure(Source source, Database read) {
        return CliFailure.error(source.display() + ": nothing to compare: " + (read.schemas().isEmpty()
                ? "it declares no schema objects (an empty file, or only comments); declare tables or other objects,"
                + " or point at the right file"
                : "the schema selection (--schema / --exclude-schema) leaves none of the schemas it declares ("
                + read.schemas().stream().map(Schema::name).sorted().collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * True when a .sql script holds only white space, comments and semicolons. Its bytes are read one char each,
     * which is enough to tell (every character that ends a comment or quote is ASCII); text the lexer cannot read,
     * or a file that cannot be read, is left to running the script, which reports it.
     */
    static boolean isEmptyScript(Path file) {
        try {
            String bytes = new String(Utf8Files.readBytes(file), StandardCharsets.ISO_8859_1);
            return SqlLexer.tokens(bytes).stream().allMatch(token -> token.kind() == SqlLexer.Kind.SEMICOLON);
        } catch (IOException | SqlTextException e) {
            return false;
        }
    }
}
