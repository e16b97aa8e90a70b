package dev.schemaguard.cli;

import dev.schemaguard.sql.SqlScript;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptFileTest {

    private static ScriptFile parse(String text) {
        return ScriptFile.parse(Path.of("schema.sql"), text);
    }

    private static List<String> statements(String text) {
        return parse(text).statements().stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void cutsAtSemicolonsOutsideStringsNamesBodiesAndComments() {
        assertEquals(List.of(
                        "create table \"a;b\" (t text default 'x;''y')",
                        "create function f() returns text language plpgsql as $body$ begin return ';'; end $body$",
                        "select E'it\\'s;', $$;$$",
                        "select 2"),
                statements("""
                        -- a comment; with a semicolon
                        create table "a;b" (t text default 'x;''y');
                        /* block; /* nested; */ still comment; */
                        create function f() returns text language plpgsql as $body$ begin return ';'; end $body$;
                        select E'it\\'s;', $$;$$;;
                        select 2
                        """));
    }

    @Test
    void keepsASqlStandardFunctionBodyWhole() {
        assertEquals(List.of("""
                        create or replace function add(a int, b int) returns int language sql
                        begin atomic
                            select case when a is null then 0 else a end + b;
                            select 1;
                        end""", "select 3"),
                statements("""
                        create or replace function add(a int, b int) returns int language sql
                        begin atomic
                            select case when a is null then 0 else a end + b;
                            select 1;
                        end;
                        select 3;
                        """));
    }

    @Test
    void positionsAreFileLineColumn() {
        ScriptFile script = parse("select 1;\n  select 2;\n");
        assertEquals("schema.sql:2:3", script.position(script.statements().get(1).offset()));
    }

    @Test
    void findsTheRolesAScriptCreatesOrNames() {
        Set<String> roles = ScriptRoles.in(parse("""
                CREATE ROLE anon NOLOGIN;
                create user "Mixed Case";
                create user mapping for current_user server s;
                create schema auth authorization auth_admin;
                alter table t owner to owner_role;
                grant select, insert on t to reader, GROUP writers with grant option;
                revoke all on t from public, revoked_one;
                create policy p on t for select to policy_role using (a = to_number('1'));
                alter default privileges for role auth_admin in schema auth grant select on tables to defaults_role;
                do $$ begin
                  if not exists (select 1 from pg_roles where rolname = 'in_do') then create role in_do; end if;
                  grant in_do to reader;
                  raise notice 'create role not_this';
                end $$;
                grant pg_read_all_data to reader;
                """));
        assertEquals(Set.of("anon", "Mixed Case", "auth_admin", "owner_role", "reader", "writers", "revoked_one",
                "policy_role", "defaults_role", "in_do"), roles);
    }

    @Test
    void rebuildsCreateExtensionOfAnAllowedExtensionOnly() {
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA \"extensions\" VERSION '1.1' CASCADE",
                TrustedExtensions.superuserStatement(parse(
                        "create extension if not exists \"uuid-ossp\" with schema extensions version '1.1' cascade;")
                        .statements().get(0)).orElseThrow());
        assertEquals("CREATE EXTENSION IF NOT EXISTS \"pgcrypto\"",
                TrustedExtensions.superuserStatement(parse("CREATE EXTENSION pgcrypto").statements().get(0)).orElseThrow());
        assertTrue(TrustedExtensions.superuserStatement(parse("create extension dblink").statements().get(0)).isEmpty());
        assertTrue(TrustedExtensions.superuserStatement(
                parse("create extension pgcrypto schema s; select 1").statements().get(1)).isEmpty());
        assertTrue(TrustedExtensions.superuserStatement(
                parse("create extension pgcrypto from unpackaged").statements().get(0)).isEmpty());
    }
}
