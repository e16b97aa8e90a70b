package dev.schemaguard.spring.boot.actuate;

import dev.schemaguard.spring.boot.SchemaDriftMonitor;
import dev.schemaguard.spring.boot.SchemaGuardAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The Micrometer gauges of the schema checks, when the application has Micrometer (Boot binds them to its registries). */
@AutoConfiguration(after = SchemaGuardAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(SchemaDriftMonitor.class)
public class SchemaGuardMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaGuardMetrics schemaGuardMetrics(SchemaDriftMonitor monitor) {
        return new SchemaGuardMetrics(monitor);
    }
}
