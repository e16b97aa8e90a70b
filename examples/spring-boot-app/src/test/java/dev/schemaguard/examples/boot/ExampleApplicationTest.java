package dev.schemaguard.examples.boot;

import dev.schemaguard.testkit.TestPostgres;
import dev.schemaguard.testkit.ThrowawayDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application started as a person would start it, on a fresh database, and asked over HTTP what
 * schemaguard found: Flyway migrates, the check passes, then a column is dropped behind the application's back and
 * a re-check through the actuator endpoint reports it.
 */
class ExampleApplicationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void checksTheMigratedDatabaseAndReportsDriftOverHttp() throws Exception {
        try (ThrowawayDatabase db = ThrowawayDatabase.create(TestPostgres.primary());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(ExampleApplication.class)
                     .run("--spring.datasource.url=" + db.jdbcUrl(), "--server.port=0", "--schemaguard.mode=fail",
                             "--spring.main.banner-mode=off")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            assertThat(get(base + "/customers").body()).contains("\"name\":\"Ada\"");
            HttpResponse<String> health = get(base + "/actuator/health/schemaguard");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(get(base + "/actuator/schemaguard").body()).contains("\"status\":\"ok\"");
            assertThat(get(base + "/actuator/metrics/schemaguard.drift.changes").body()).contains("\"value\":0.0");

            db.execute("ALTER TABLE orders DROP COLUMN total");
            HttpResponse<String> recheck = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/schemaguard"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(recheck.statusCode()).isEqualTo(200);
            assertThat(recheck.body()).contains("\"status\":\"drift\"")
                    .contains("\"subject\":\"public.orders\"")
                    .contains("missing column public.orders.total");
            assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(503);
            assertThat(get(base + "/actuator/metrics/schemaguard.drift.changes").body()).contains("\"value\":1.0");
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
