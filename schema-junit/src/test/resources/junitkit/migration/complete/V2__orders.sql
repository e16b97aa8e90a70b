CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), note text);
CREATE INDEX orders_customer_idx ON orders (customer_id);
