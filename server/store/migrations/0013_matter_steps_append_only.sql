-- A matter's steps are its history, kept as the ledger and the audit trail are: never edited or
-- deleted (audit_append_only() comes from 0011).
CREATE TRIGGER matter_steps_no_update_or_delete
  BEFORE UPDATE OR DELETE ON matter_steps
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
