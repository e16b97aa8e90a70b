--liquibase formatted sql

--changeset junitkit:1
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);

--changeset junitkit:2
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), note text);
CREATE INDEX orders_customer_idx ON orders (customer_id);
