-- 善治贷: a bank's published terms and the record of who looked at a certificate are kept as the
-- audit trail is, never edited or deleted (audit_append_only() comes from 0011).
CREATE TRIGGER bank_terms_no_update_or_delete
  BEFORE UPDATE OR DELETE ON bank_terms
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER certificate_verifications_no_update_or_delete
  BEFORE UPDATE OR DELETE ON certificate_verifications
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
-- A certificate is never deleted, and what was signed (and who asked) never changes: only its
-- revocation and its supersession are written after issue, each once.
CREATE FUNCTION credit_certificate_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'credit_certificates rows are never deleted';
  END IF;
  IF (NEW.id, NEW.household_id, NEW.bank_id, NEW.bank_name, NEW.statements, NEW.issued_at, NEW.expires_at, NEW.signature, NEW.issued_by, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.household_id, OLD.bank_id, OLD.bank_name, OLD.statements, OLD.issued_at, OLD.expires_at, OLD.signature, OLD.issued_by, OLD.created_at) THEN
    RAISE EXCEPTION 'a credit certificate''s signed content is never changed';
  END IF;
  IF (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at)
     OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at) THEN
    RAISE EXCEPTION 'a credit certificate is revoked or superseded once';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER credit_certificates_guard
  BEFORE UPDATE OR DELETE ON credit_certificates
  FOR EACH ROW EXECUTE FUNCTION credit_certificate_guard();
