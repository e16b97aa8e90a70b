--liquibase formatted sql

--changeset junitkit:1
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);

--changeset junitkit:2
-- falls short of junitkit/schema.yaml: no column note, no index orders_customer_idx
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
