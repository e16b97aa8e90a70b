package dev.schemaguard.model;

import java.util.List;

/** DSL for a row-level security policy; returned by {@link TableBuilder#policy(String)}. */
public final class PolicyBuilder {

    private final String name;
    private boolean permissive = true;
    private Policy.Command command = Policy.Command.ALL;
    private List<String> roles = List.of();
    private String using;
    private String withCheck;

    PolicyBuilder(String name) {
        this.name = name;
    }

    public PolicyBuilder restrictive() {
        permissive = false;
        return this;
    }

    public PolicyBuilder forCommand(Policy.Command policyCommand) {
        command = policyCommand;
        return this;
    }

    public PolicyBuilder to(String... roleNames) {
        roles = List.of(roleNames);
        return this;
    }

    public PolicyBuilder using(String expression) {
        using = expression;
        return this;
    }

    public PolicyBuilder withCheck(String expression) {
        withCheck = expression;
        return this;
    }

    Policy build() {
        return new Policy(name, permissive, command, roles, using, withCheck);
    }
}
