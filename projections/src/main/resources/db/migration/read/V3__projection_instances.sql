-- Every running projections instance says it is alive here, so instances can share segments fairly.
CREATE TABLE read.projection_instance (
    node    VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
