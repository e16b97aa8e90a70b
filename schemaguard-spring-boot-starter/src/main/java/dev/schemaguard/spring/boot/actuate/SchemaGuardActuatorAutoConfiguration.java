package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.spring.boot.SchemaDriftMonitor;
import dev.schemaguard.spring.boot.SchemaGuardAutoConfiguration;
import dev.schemaguard.spring.boot.SchemaGuardProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code schemaguard} and the actuator endpoint {@code /actuator/schemaguard}, when the
 * application has Spring Boot Actuator.
 */
@AutoConfiguration(after = SchemaGuardAutoConfiguration.class)
@ConditionalOnClass(value = HealthIndicator.class,
        name = "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator")
@ConditionalOnBean(SchemaDriftMonitor.class)
public class SchemaGuardActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "schemaguardHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("schemaguard")
    SchemaGuardHealthIndicator schemaguardHealthIndicator(SchemaDriftMonitor monitor, SchemaGuardProperties properties) {
        return new SchemaGuardHealthIndicator(monitor, properties.getHealth().isDownOnDrift());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    SchemaGuardEndpoint schemaGuardEndpoint(SchemaDriftMonitor monitor) {
        return new SchemaGuardEndpoint(monitor);
    }
}
