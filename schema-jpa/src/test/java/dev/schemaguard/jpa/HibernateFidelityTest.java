package dev.schemaguard.jpa;

import dev.schemaguard.jpa.fidelity.BasicTypes;
import dev.schemaguard.jpa.fidelity.CompositeKeys;
import dev.schemaguard.jpa.fidelity.Conversions;
import dev.schemaguard.jpa.fidelity.Definitions;
import dev.schemaguard.jpa.fidelity.Inheritances;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import dev.schemaguard.testkit.PostgresServer;
import dev.schemaguard.testkit.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One small entity set per point of issue #20, each created by Hibernate 6.6 itself on a real PostgreSQL and
 * compared with what the reader expects: no difference may remain (all of them together on every test server).
 */
class HibernateFidelityTest {

    /** Every server of SCHEMAGUARD_TEST_DATABASE_URLS (PostgreSQL 13 to 17 in CI). */
    static List<PostgresServer> servers() {
        return TestPostgres.all();
    }

    @Test
    void compositeKeyColumnsFollowHibernatesOrder() throws Exception {
        assertAgrees(TestPostgres.primary(), CompositeKeys.ALL);
    }

    @Test
    void everyDefaultBasicTypeMapsAsHibernateMapsIt() throws Exception {
        assertAgrees(TestPostgres.primary(), BasicTypes.ALL);
    }

    @Test
    void inheritanceTablesAndNullability() throws Exception {
        assertAgrees(TestPostgres.primary(), Inheritances.ALL);
    }

    @Test
    void convertersArraysAndNonKeyJoinColumns() throws Exception {
        assertAgrees(TestPostgres.primary(), Conversions.ALL);
    }

    @Test
    void columnDefinitionsChecksAndOrderColumns() throws Exception {
        assertAgrees(TestPostgres.primary(), Definitions.ALL);
    }

    /**
     * All of them with the 23 shop entities: 40 entities in one schema, as an application has them, on every server
     * (the sets above, on the primary server only, say which mapping a difference comes from).
     */
    @ParameterizedTest
    @MethodSource("servers")
    void everyEntitySetTogether(PostgresServer server) throws Exception {
        List<Class<?>> all = new java.util.ArrayList<>(ShopEntities.ALL);
        for (List<Class<?>> set : List.of(CompositeKeys.ALL, BasicTypes.ALL, Inheritances.ALL, Conversions.ALL,
                Definitions.ALL)) {
            all.addAll(set);
        }
        assertAgrees(server, all);
    }

    /** Spring Boot's SpringImplicitNamingStrategy (3.5), restated: join tables named owner table, "_", attribute. */
    static final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
        @Override
        public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
            return toIdentifier(source.getOwningPhysicalTableName() + "_"
                    + source.getAssociationOwningAttributePath().getProperty(), source.getBuildingContext());
        }
    }

    /** Default, snake-case (Spring's physical strategy) and Spring Boot's full naming (physical and implicit). */
    private static void assertAgrees(PostgresServer server, List<Class<?>> entities) throws Exception {
        String[] ddl = new String[1];
        List<String> drift = HibernateAgreementTest.drift(server, new JpaSchemaReader().read(entities),
                db -> ddl[0] = HibernateDdl.createIn(db, entities, null, null));
        assertEquals(List.of(), drift, () -> "Hibernate's DDL:\n" + ddl[0]);
        List<String> snakeDrift = HibernateAgreementTest.drift(server,
                new JpaSchemaReader(NamingStrategy.SNAKE_CASE, "public").read(entities),
                db -> ddl[0] = HibernateDdl.createIn(db, entities, new CamelCaseToUnderscoresNamingStrategy(), null));
        assertEquals(List.of(), snakeDrift, () -> "Hibernate's DDL with snake case naming:\n" + ddl[0]);
        List<String> springDrift = HibernateAgreementTest.drift(server,
                new JpaSchemaReader(NamingStrategy.SPRING_BOOT, "public").read(entities),
                db -> ddl[0] = HibernateDdl.createIn(db, entities, new CamelCaseToUnderscoresNamingStrategy(),
                        new SpringImplicitNaming()));
        assertEquals(List.of(), springDrift, () -> "Hibernate's DDL with Spring Boot's naming:\n" + ddl[0]);
    }
}
