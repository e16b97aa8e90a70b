package dev.schemaguard.model;

import java.util.List;

/**
 * A row-level security policy: {@code CREATE POLICY name ON table AS PERMISSIVE|RESTRICTIVE FOR command
 * TO roles USING (using) WITH CHECK (withCheck)}. An empty role list means PUBLIC.
 */
public record Policy(String name, boolean permissive, Command command, List<String> roles, String using, String withCheck) {

    public enum Command { ALL, SELECT, INSERT, UPDATE, DELETE }

    public Policy {
        Identifiers.requireValid(name, "policy name");
        command = command == null ? Command.ALL : command;
        roles = roles == null ? List.of() : List.copyOf(roles.stream().filter(r -> !r.equals("public")).toList());
    }
}
