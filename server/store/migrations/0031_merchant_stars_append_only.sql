-- 商家自治联盟: an alliance's published star terms and each period's ratings are kept as they were
-- published and rated, never edited or deleted (audit_append_only() comes from 0011).
CREATE TRIGGER alliance_star_terms_no_update_or_delete
  BEFORE UPDATE OR DELETE ON alliance_star_terms
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
--> statement-breakpoint
CREATE TRIGGER star_ratings_no_update_or_delete
  BEFORE UPDATE OR DELETE ON star_ratings
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
