package dev.schemaguard.examples.boot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /customers}: what the application does with the schema schemaguard checked. */
@RestController
class CustomerController {

    record Customer(long id, String name) {
    }

    private final JdbcClient jdbc;

    CustomerController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/customers")
    List<Customer> customers() {
        return jdbc.sql("SELECT id, name FROM customers ORDER BY id").query(Customer.class).list();
    }
}
