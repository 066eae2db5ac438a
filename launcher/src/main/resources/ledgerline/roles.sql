-- The least-privileged roles (docs/auditing.md): run once by a superuser on the Ledgerline database,
-- by the local run at every start and by docker-compose's PostgreSQL on its first start. It can run
-- again at any time. The passwords are for local and compose use; production sets its own.
--   ledgerline_owner  owns the event store and runs its migrations: only it could disable the
--                     append-only trigger.
--   ledgerline_app    runs the apps: reads and appends events, never changes or removes one; owns
--                     the read schema, where the projections create read-model generations at run time.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledgerline_owner') THEN
    CREATE ROLE ledgerline_owner LOGIN PASSWORD 'ledgerline_owner' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledgerline_app') THEN
    CREATE ROLE ledgerline_app LOGIN PASSWORD 'ledgerline_app' NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
  EXECUTE format('ALTER DATABASE %I OWNER TO ledgerline_owner', current_database());
END $$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS events AUTHORIZATION ledgerline_owner;
ALTER SCHEMA events OWNER TO ledgerline_owner;
CREATE SCHEMA IF NOT EXISTS read AUTHORIZATION ledgerline_app;
ALTER SCHEMA read OWNER TO ledgerline_app;

-- Objects a superuser created before these roles existed (a data directory from an older local run).
DO $$ DECLARE object record; BEGIN
  FOR object IN SELECT c.oid::regclass AS name, CASE n.nspname WHEN 'events' THEN 'ledgerline_owner' ELSE 'ledgerline_app' END AS owner,
                       CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('events', 'read') AND c.relkind IN ('r', 'p', 'v', 'S')
                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
                  AND c.relowner <> (CASE n.nspname WHEN 'events' THEN 'ledgerline_owner' ELSE 'ledgerline_app' END)::regrole LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', object.kind, object.name, object.owner);
  END LOOP;
  FOR object IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'events' AND p.proowner <> 'ledgerline_owner'::regrole LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO ledgerline_owner', object.name);
  END LOOP;
END $$;

GRANT USAGE ON SCHEMA events TO ledgerline_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA events TO ledgerline_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA events TO ledgerline_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ledgerline_owner IN SCHEMA events GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ledgerline_app;
ALTER DEFAULT PRIVILEGES FOR ROLE ledgerline_owner IN SCHEMA events GRANT USAGE, SELECT ON SEQUENCES TO ledgerline_app;
-- The event table itself: read and append only (migration V4 does the same for a new event store).
DO $$ BEGIN
  IF to_regclass('events.domain_event_entry') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM ledgerline_app;
  END IF;
END $$;
