-- The audit trail of power is append-only, as the ledger is: who granted, revoked or changed what
-- stays as it was written. The village settings' change log is part of that trail.
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_records_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_records
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER village_setting_changes_no_update_or_delete
  BEFORE UPDATE OR DELETE ON village_setting_changes
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
