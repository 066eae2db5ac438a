-- Whoever the event table was granted to (the default privileges of the owner give the application
-- role UPDATE and DELETE on every new table): only its owner keeps more than SELECT and INSERT. The
-- append-only trigger refuses changes for every role anyway; this takes the grant away as well.
DO $$ DECLARE grantee record; BEGIN
  FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
                 WHERE g.table_schema = 'events' AND g.table_name = 'domain_event_entry'
                   AND g.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') AND g.grantee <> current_user LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON events.domain_event_entry FROM %I', grantee.grantee);
  END LOOP;
END $$;
