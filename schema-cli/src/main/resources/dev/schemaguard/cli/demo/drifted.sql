-- The demo's live database: the shop as it was deployed a while ago, then changed by hand.
-- Compared with shop.yaml: products and order_items are missing, so are tenants.created_at and
-- orders.created_at, the index on orders.customer_id and the orders policy; orders.total is numeric(8,2), too narrow.
CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL
);
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    email text NOT NULL,
    name text NOT NULL,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX customers_tenant_email_key ON customers (tenant_id, lower(email)) WHERE deleted_at IS NULL;
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customers USING (tenant_id = current_setting('app.tenant')::uuid);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    customer_id bigint NOT NULL REFERENCES customers (id),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    total numeric(8,2) NOT NULL DEFAULT 0
);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
INSERT INTO tenants (id, name) VALUES ('6f1c1a52-5d2b-4a57-9f59-2d0f1f1e7a01', 'Acme');
INSERT INTO customers (tenant_id, email, name) VALUES ('6f1c1a52-5d2b-4a57-9f59-2d0f1f1e7a01', 'ada@example.com', 'Ada');
INSERT INTO orders (tenant_id, customer_id, status, total) VALUES ('6f1c1a52-5d2b-4a57-9f59-2d0f1f1e7a01', 1, 'paid', 42);
