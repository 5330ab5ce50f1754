-- The street's view and the village chart read a unit's kept points for a dozen periods: one street's
-- rows lie scattered among every micro-grid's in the table, so they are read from this covering index
-- (an index-only scan) instead. Drizzle's schema cannot say INCLUDE, hence a hand-written migration.
CREATE INDEX IF NOT EXISTS "unit_points_read_idx" ON "unit_points" ("org_id", "period") INCLUDE ("category", "given", "deducted", "corrected", "restored");
