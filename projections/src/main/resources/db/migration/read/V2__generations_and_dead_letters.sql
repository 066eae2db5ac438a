-- Read models by generation: each model's tables exist once per generation (orders_g1, orders_g2, ...)
-- and the query side reads the live one through a view with the plain name. A rebuild fills the
-- next generation beside the live one and then swaps the views in one transaction.

ALTER TABLE read.orders RENAME TO orders_g1;
ALTER TABLE read.order_lines RENAME TO order_lines_g1;
ALTER TABLE read.order_status_counts RENAME TO order_status_counts_g1;
ALTER TABLE read.payments RENAME TO payments_g1;
ALTER TABLE read.inventory RENAME TO inventory_g1;
ALTER TABLE read.sales_orders RENAME TO sales_orders_g1;
ALTER TABLE read.sales_order_lines RENAME TO sales_order_lines_g1;
ALTER TABLE read.daily_sales RENAME TO daily_sales_g1;

-- Generations are created with CREATE TABLE ... (LIKE ... INCLUDING ALL), which does not copy
-- foreign keys; drop the two so that every generation has the same shape.
ALTER TABLE read.order_lines_g1 DROP CONSTRAINT order_lines_order_id_fkey;
ALTER TABLE read.sales_order_lines_g1 DROP CONSTRAINT sales_order_lines_order_id_fkey;

CREATE VIEW read.orders AS SELECT * FROM read.orders_g1;
CREATE VIEW read.order_lines AS SELECT * FROM read.order_lines_g1;
CREATE VIEW read.order_status_counts AS SELECT * FROM read.order_status_counts_g1;
CREATE VIEW read.payments AS SELECT * FROM read.payments_g1;
CREATE VIEW read.inventory AS SELECT * FROM read.inventory_g1;
CREATE VIEW read.sales_orders AS SELECT * FROM read.sales_orders_g1;
CREATE VIEW read.sales_order_lines AS SELECT * FROM read.sales_order_lines_g1;
CREATE VIEW read.daily_sales AS SELECT * FROM read.daily_sales_g1;

-- Which generation of each model is live, which is being built, which awaits removal.
CREATE TABLE read.projection_generation (
    model               VARCHAR(32) PRIMARY KEY,
    active              INTEGER     NOT NULL,
    building            INTEGER,
    building_started_at TIMESTAMPTZ,
    building_target     BIGINT,
    retired             INTEGER,
    retired_at          TIMESTAMPTZ,
    switched_at         TIMESTAMPTZ
);
INSERT INTO read.projection_generation (model, active) VALUES ('orders', 1), ('payments', 1), ('inventory', 1), ('sales', 1);

-- Processors are named after model and generation; keep the progress of earlier runs.
UPDATE read.token_entry SET processor_name = processor_name || '-g1'
WHERE processor_name IN ('orders', 'payments', 'inventory', 'sales');

-- Events a projection could not handle, parked per aggregate (Axon's sequenced dead-letter queue).
CREATE TABLE read.dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON read.dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON read.dead_letter_entry (processing_group, sequence_identifier);
