-- The audit log is append-only: no role of the application may rewrite history.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN (
  'ministry','provincial_department','communications_administration','city_bureau','sub_provincial_city',
  'central_enterprise','enterprise','university','park_operator','expert_pool'));
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active','invited','removed'));
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
