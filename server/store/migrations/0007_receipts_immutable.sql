-- Receipts, their lines, reversals and used card tokens are records of what happened at the counter:
-- never edited or deleted. A redemption is undone by a reversal row and a linked ledger entry.
CREATE FUNCTION shop_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER redemptions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON redemptions
  FOR EACH ROW EXECUTE FUNCTION shop_records_immutable();
--> statement-breakpoint
CREATE TRIGGER redemption_items_no_update_or_delete
  BEFORE UPDATE OR DELETE ON redemption_items
  FOR EACH ROW EXECUTE FUNCTION shop_records_immutable();
--> statement-breakpoint
CREATE TRIGGER redemption_reversals_no_update_or_delete
  BEFORE UPDATE OR DELETE ON redemption_reversals
  FOR EACH ROW EXECUTE FUNCTION shop_records_immutable();
--> statement-breakpoint
CREATE TRIGGER used_card_tokens_no_update
  BEFORE UPDATE ON used_card_tokens
  FOR EACH ROW EXECUTE FUNCTION shop_records_immutable();
