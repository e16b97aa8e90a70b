package dev.schemaguard.guard;

/** The schema of src/test/resources/shop.yaml as SQL, and parts of it, to build live databases from. */
final class Shop {

    static final String CUSTOMERS = "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n";

    static final String ORDERS = """
            CREATE TABLE orders (
                id bigserial PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                total numeric(10,2) NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX orders_created_at_idx ON orders (created_at);
            """;

    static final String FULL = CUSTOMERS + ORDERS;

    private Shop() {
    }
}
