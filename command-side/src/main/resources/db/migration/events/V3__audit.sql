-- Auditing: the event store is append-only, and events can be found by the request that caused them.

-- The correlation id from each event's metadata, copied into a column on insert so that an
-- auditor's "everything this request caused" is an index lookup.
ALTER TABLE events.domain_event_entry ADD COLUMN correlation_id VARCHAR(128);

CREATE FUNCTION events.copy_correlation_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.meta_data IS NOT NULL THEN
        NEW.correlation_id := left(convert_from(NEW.meta_data, 'UTF8')::jsonb ->> 'correlationId', 128);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER domain_event_entry_correlation_id
    BEFORE INSERT ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.copy_correlation_id();

CREATE INDEX domain_event_entry_correlation_idx ON events.domain_event_entry (correlation_id, global_index);
CREATE INDEX domain_event_entry_time_idx ON events.domain_event_entry (time_stamp, global_index);

-- Stored events are never changed or removed. This holds for every role, the owner included,
-- unless the owner deliberately disables the trigger (which is itself visible in the catalog and
-- the server log). Run the apps as a role that does not own the table (docs/auditing.md).
CREATE FUNCTION events.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON events.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION events.refuse_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON events.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION events.refuse_change();
