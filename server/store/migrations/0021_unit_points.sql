CREATE TABLE "unit_points" (
	"org_id" text NOT NULL,
	"period" text NOT NULL,
	"category" text NOT NULL,
	"given" integer DEFAULT 0 NOT NULL,
	"deducted" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	"restored" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "unit_points_org_id_period_category_pk" PRIMARY KEY("org_id","period","category")
);
--> statement-breakpoint
-- The units a household sitting in (village, community, micro-grid) counts in: its village, its
-- community (3.0), its micro-grid, and the grid its micro-grid hangs under. The ledger's batch, the
-- move triggers and the backfill below all ask this one function.
CREATE FUNCTION household_units(in_village text, in_community text, in_micro_grid text) RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT in_village WHERE in_village IS NOT NULL
  UNION ALL SELECT in_community WHERE in_community IS NOT NULL
  UNION ALL SELECT in_micro_grid WHERE in_micro_grid IS NOT NULL
  UNION ALL SELECT g."id" FROM "orgs" m JOIN "orgs" g ON g."id" = m."parent_id" WHERE m."id" = in_micro_grid AND g."kind" = 'grid'
$$;
--> statement-breakpoint
-- When a household changes place, its kept totals leave the units it sat in and join the new ones,
-- whatever code made the change (units it stays in are not touched). Rows are written in key order
-- (text by code unit), as appendLedgerEntries writes them, so the two never deadlock; this trigger
-- fires after households_place_moved (triggers fire by name), as the batch writes place rows first.
CREATE FUNCTION households_move_unit_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "unit_points" ("org_id", "period", "category", "given", "deducted", "corrected", "restored")
  SELECT u."org_id", k."period", coalesce(r."category", '其他'),
         sum(p."sign" * k."given")::int, sum(p."sign" * k."deducted")::int, sum(p."sign" * k."corrected")::int, sum(p."sign" * k."restored")::int
    FROM "household_rule_points" k
    LEFT JOIN "rules" r ON r."id" = k."rule_id"
   CROSS JOIN (VALUES (-1, OLD."village_id", OLD."community_id", OLD."micro_grid_id"),
                      (1, NEW."village_id", NEW."community_id", NEW."micro_grid_id"))
           AS p("sign", "village_id", "community_id", "micro_grid_id")
   CROSS JOIN LATERAL household_units(p."village_id", p."community_id", p."micro_grid_id") AS u("org_id")
   WHERE k."household_id" = NEW."id"
   GROUP BY u."org_id", k."period", coalesce(r."category", '其他')
  HAVING sum(p."sign" * k."given") <> 0 OR sum(p."sign" * k."deducted") <> 0
      OR sum(p."sign" * k."corrected") <> 0 OR sum(p."sign" * k."restored") <> 0
   ORDER BY u."org_id" COLLATE "C", k."period" COLLATE "C", coalesce(r."category", '其他') COLLATE "C"
  ON CONFLICT ("org_id", "period", "category") DO UPDATE
     SET "given" = "unit_points"."given" + excluded."given",
         "deducted" = "unit_points"."deducted" + excluded."deducted",
         "corrected" = "unit_points"."corrected" + excluded."corrected",
         "restored" = "unit_points"."restored" + excluded."restored";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_unit_moved
  AFTER UPDATE OF "village_id", "community_id", "micro_grid_id" ON "households"
  FOR EACH ROW
  WHEN (OLD."village_id" IS DISTINCT FROM NEW."village_id" OR OLD."community_id" IS DISTINCT FROM NEW."community_id"
        OR OLD."micro_grid_id" IS DISTINCT FROM NEW."micro_grid_id")
  EXECUTE FUNCTION households_move_unit_totals();
--> statement-breakpoint
-- When a micro-grid is hung under another grid (组织架构导入), its totals (its households') leave the
-- old grid and join the new one. Its households are locked first, in id order as the ledger's callers
-- lock them: a batch already writing for one of them commits before the totals move, and a later one
-- waits and then sees the new grid.
CREATE FUNCTION micro_grid_move_unit_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "households" WHERE "micro_grid_id" = NEW."id" ORDER BY "id" FOR UPDATE;
  INSERT INTO "unit_points" ("org_id", "period", "category", "given", "deducted", "corrected", "restored")
  SELECT g."id", k."period", k."category",
         sum(p."sign" * k."given")::int, sum(p."sign" * k."deducted")::int, sum(p."sign" * k."corrected")::int, sum(p."sign" * k."restored")::int
    FROM "unit_points" k
   CROSS JOIN (VALUES (-1, OLD."parent_id"), (1, NEW."parent_id")) AS p("sign", "parent_id")
    JOIN "orgs" g ON g."id" = p."parent_id" AND g."kind" = 'grid'
   WHERE k."org_id" = NEW."id"
   GROUP BY g."id", k."period", k."category"
   ORDER BY g."id" COLLATE "C", k."period" COLLATE "C", k."category" COLLATE "C"
  ON CONFLICT ("org_id", "period", "category") DO UPDATE
     SET "given" = "unit_points"."given" + excluded."given",
         "deducted" = "unit_points"."deducted" + excluded."deducted",
         "corrected" = "unit_points"."corrected" + excluded."corrected",
         "restored" = "unit_points"."restored" + excluded."restored";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_micro_grid_moved
  AFTER UPDATE OF "parent_id" ON "orgs"
  FOR EACH ROW
  WHEN (NEW."kind" = 'micro_grid' AND OLD."parent_id" IS DISTINCT FROM NEW."parent_id")
  EXECUTE FUNCTION micro_grid_move_unit_totals();
--> statement-breakpoint
-- A ledger that already has entries starts with unit totals equal to its households' totals.
INSERT INTO "unit_points" ("org_id", "period", "category", "given", "deducted", "corrected", "restored")
SELECT u."org_id", k."period", coalesce(r."category", '其他'),
       sum(k."given")::int, sum(k."deducted")::int, sum(k."corrected")::int, sum(k."restored")::int
  FROM "household_rule_points" k
  JOIN "households" h ON h."id" = k."household_id"
  LEFT JOIN "rules" r ON r."id" = k."rule_id"
 CROSS JOIN LATERAL household_units(h."village_id", h."community_id", h."micro_grid_id") AS u("org_id")
 GROUP BY u."org_id", k."period", coalesce(r."category", '其他');
