-- Read models, owned by the projections process. Every row remembers the sequence number of the
-- last event applied to it (version), so a replayed event changes nothing.

CREATE TABLE read.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

CREATE TABLE read.orders (
    order_id      VARCHAR(64)  PRIMARY KEY,
    customer_id   VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    currency      CHAR(3)      NOT NULL,
    total_minor   BIGINT       NOT NULL,
    line_count    INTEGER      NOT NULL,
    cancel_reason VARCHAR(500),
    placed_at     TIMESTAMPTZ  NOT NULL,
    confirmed_at  TIMESTAMPTZ,
    shipped_at    TIMESTAMPTZ,
    cancelled_at  TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX orders_status_placed_idx ON read.orders (status, placed_at, order_id);
CREATE INDEX orders_customer_placed_idx ON read.orders (customer_id, placed_at, order_id);
CREATE INDEX orders_placed_idx ON read.orders (placed_at, order_id);

CREATE TABLE read.order_lines (
    order_id         VARCHAR(64) NOT NULL REFERENCES read.orders (order_id),
    line_no          INTEGER     NOT NULL,
    sku              VARCHAR(64) NOT NULL,
    quantity         INTEGER     NOT NULL,
    unit_price_minor BIGINT      NOT NULL,
    CONSTRAINT order_lines_pk PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_sku_idx ON read.order_lines (sku, order_id);

CREATE TABLE read.order_status_counts (
    status VARCHAR(16) PRIMARY KEY,
    count  BIGINT      NOT NULL
);

CREATE TABLE read.payments (
    payment_id       VARCHAR(64)  PRIMARY KEY,
    order_id         VARCHAR(64)  NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    currency         CHAR(3)      NOT NULL,
    authorized_minor BIGINT       NOT NULL,
    captured_minor   BIGINT       NOT NULL,
    refunded_minor   BIGINT       NOT NULL,
    decline_reason   VARCHAR(200),
    payment_method   VARCHAR(32),
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE INDEX payments_order_idx ON read.payments (order_id);
CREATE INDEX payments_status_created_idx ON read.payments (status, created_at, payment_id);
CREATE INDEX payments_created_idx ON read.payments (created_at, payment_id);

CREATE TABLE read.inventory (
    sku              VARCHAR(64)  PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    currency         CHAR(3)      NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    on_hand          INTEGER      NOT NULL,
    reserved         INTEGER      NOT NULL,
    available        INTEGER      GENERATED ALWAYS AS (on_hand - reserved) STORED,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL
);

-- Net booked sales: an order counts on the UTC day it was placed, and is taken out again if cancelled.
CREATE TABLE read.sales_orders (
    order_id  VARCHAR(64) PRIMARY KEY,
    placed_on DATE        NOT NULL,
    cancelled BOOLEAN     NOT NULL DEFAULT FALSE,
    version   BIGINT      NOT NULL
);

CREATE TABLE read.sales_order_lines (
    order_id      VARCHAR(64) NOT NULL REFERENCES read.sales_orders (order_id),
    sku           VARCHAR(64) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    units         INTEGER     NOT NULL,
    revenue_minor BIGINT      NOT NULL,
    CONSTRAINT sales_order_lines_pk PRIMARY KEY (order_id, sku)
);

CREATE TABLE read.daily_sales (
    day           DATE        NOT NULL,
    sku           VARCHAR(64) NOT NULL,
    currency      CHAR(3)     NOT NULL,
    orders        BIGINT      NOT NULL,
    units         BIGINT      NOT NULL,
    revenue_minor BIGINT      NOT NULL,
    CONSTRAINT daily_sales_pk PRIMARY KEY (day, sku, currency)
);
