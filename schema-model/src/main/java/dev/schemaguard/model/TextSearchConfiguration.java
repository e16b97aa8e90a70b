package dev.schemaguard.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code CREATE TEXT SEARCH CONFIGURATION name (PARSER = parser)} and its {@code ADD MAPPING FOR token_type WITH
 * dictionary, ...}: for each token type the parser reports (by its alias: {@code asciiword}, {@code email}, ...),
 * the dictionaries consulted in order. A configuration made with {@code (COPY = other)} is the parser and the
 * mappings it copied. Token types the configuration does not map are not indexed; mappings are held in token
 * type order.
 */
public record TextSearchConfiguration(String name, QualifiedName parser, List<Mapping> mappings, String comment) {

    /** PostgreSQL's only built-in parser. */
    public static final QualifiedName DEFAULT_PARSER = QualifiedName.of("pg_catalog", "default");

    /** {@code FOR tokenType WITH dictionaries}: the dictionaries in the order they are consulted. */
    public record Mapping(String tokenType, List<QualifiedName> dictionaries) {
        public Mapping {
            Identifiers.requireValid(tokenType, "token type");
            dictionaries = List.copyOf(dictionaries);
            if (dictionaries.isEmpty()) {
                throw new IllegalArgumentException("the mapping for token type " + tokenType + " names no dictionary");
            }
            if (new HashSet<>(dictionaries).size() != dictionaries.size()) {
                throw new IllegalArgumentException("the mapping for token type " + tokenType
                        + " names a dictionary twice: " + dictionaries);
            }
        }
    }

    public TextSearchConfiguration {
        Identifiers.requireValid(name, "text search configuration name");
        Objects.requireNonNull(parser, () -> "parser of text search configuration " + name);
        List<Mapping> sorted = new ArrayList<>(mappings == null ? List.of() : mappings);
        sorted.sort(Comparator.comparing(Mapping::tokenType));
        Set<String> tokenTypes = new HashSet<>();
        for (Mapping mapping : sorted) {
            if (!tokenTypes.add(mapping.tokenType())) {
                throw new IllegalArgumentException("text search configuration " + name + " maps token type "
                        + mapping.tokenType() + " twice");
            }
        }
        mappings = List.copyOf(sorted);
    }

    /** A configuration on PostgreSQL's default parser ({@code pg_catalog."default"}) with these mappings. */
    public static TextSearchConfiguration onDefaultParser(String name, List<Mapping> mappings) {
        return new TextSearchConfiguration(name, DEFAULT_PARSER, mappings, null);
    }

    public TextSearchConfiguration withMappings(List<Mapping> newMappings) {
        return new TextSearchConfiguration(name, parser, newMappings, comment);
    }

    public TextSearchConfiguration withComment(String newComment) {
        return new TextSearchConfiguration(name, parser, mappings, newComment);
    }

    /** The dictionaries mapped for {@code tokenType}; empty when the configuration does not map it. */
    public List<QualifiedName> dictionariesFor(String tokenType) {
        return mappings.stream().filter(m -> m.tokenType().equals(tokenType)).map(Mapping::dictionaries).findFirst()
                .orElse(List.of());
    }
}
