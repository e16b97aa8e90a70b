package dev.schemaguard.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A shop service: Flyway migrates the database (db/migration), then the schemaguard starter checks it against
 * db/schema.yaml before the application takes requests.
 */
@SpringBootApplication
public class ExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
