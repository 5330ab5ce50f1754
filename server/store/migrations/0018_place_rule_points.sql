CREATE TABLE "place_rule_points" (
	"period" text NOT NULL,
	"village_id" text NOT NULL,
	"community_id" text NOT NULL,
	"micro_grid_id" text NOT NULL,
	"rule_id" integer NOT NULL,
	"scorer_org_id" text NOT NULL,
	"given" integer DEFAULT 0 NOT NULL,
	"deducted" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	"restored" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "place_rule_points_period_village_id_community_id_micro_grid_id_rule_id_scorer_org_id_pk" PRIMARY KEY("period","village_id","community_id","micro_grid_id","rule_id","scorer_org_id")
);
--> statement-breakpoint
-- When a household changes place (micro-grid, community, village), its kept totals leave the old
-- place and join the new one, whatever code made the change.
CREATE FUNCTION households_move_place_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "place_rule_points" ("period", "village_id", "community_id", "micro_grid_id", "rule_id", "scorer_org_id", "given", "deducted", "corrected", "restored")
  SELECT k."period", p."village_id", p."community_id", p."micro_grid_id", k."rule_id", k."scorer_org_id",
         p."sign" * k."given", p."sign" * k."deducted", p."sign" * k."corrected", p."sign" * k."restored"
    FROM "household_rule_points" k
   CROSS JOIN (VALUES (OLD."village_id", coalesce(OLD."community_id", ''), coalesce(OLD."micro_grid_id", ''), -1),
                      (NEW."village_id", coalesce(NEW."community_id", ''), coalesce(NEW."micro_grid_id", ''), 1))
           AS p("village_id", "community_id", "micro_grid_id", "sign")
   WHERE k."household_id" = NEW."id"
   -- In key order, as appendLedgerEntries writes them (text by code unit), so the two never deadlock.
   ORDER BY k."period" COLLATE "C", p."village_id" COLLATE "C", p."community_id" COLLATE "C", p."micro_grid_id" COLLATE "C",
            k."rule_id", k."scorer_org_id" COLLATE "C"
  ON CONFLICT ("period", "village_id", "community_id", "micro_grid_id", "rule_id", "scorer_org_id") DO UPDATE
     SET "given" = "place_rule_points"."given" + excluded."given",
         "deducted" = "place_rule_points"."deducted" + excluded."deducted",
         "corrected" = "place_rule_points"."corrected" + excluded."corrected",
         "restored" = "place_rule_points"."restored" + excluded."restored";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_place_moved
  AFTER UPDATE OF "village_id", "community_id", "micro_grid_id" ON "households"
  FOR EACH ROW
  WHEN (OLD."village_id" IS DISTINCT FROM NEW."village_id" OR OLD."community_id" IS DISTINCT FROM NEW."community_id"
        OR OLD."micro_grid_id" IS DISTINCT FROM NEW."micro_grid_id")
  EXECUTE FUNCTION households_move_place_totals();
--> statement-breakpoint
-- A ledger that already has entries starts with place totals equal to its households' totals.
INSERT INTO "place_rule_points" ("period", "village_id", "community_id", "micro_grid_id", "rule_id", "scorer_org_id", "given", "deducted", "corrected", "restored")
SELECT k."period", h."village_id", coalesce(h."community_id", ''), coalesce(h."micro_grid_id", ''), k."rule_id", k."scorer_org_id",
       sum(k."given")::int, sum(k."deducted")::int, sum(k."corrected")::int, sum(k."restored")::int
  FROM "household_rule_points" k JOIN "households" h ON h."id" = k."household_id"
 GROUP BY 1, 2, 3, 4, 5, 6;
