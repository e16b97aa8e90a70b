--liquibase formatted sql

--changeset shop:1
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);

--changeset shop:2
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total numeric(10,2) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_created_at_idx ON orders (created_at);
