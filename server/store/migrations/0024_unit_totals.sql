CREATE TABLE "unit_roster" (
	"org_id" text PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"bound_households" integer DEFAULT 0 NOT NULL,
	"bound_members" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
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
-- When a micro-grid is hung under another grid (组织架构导入), its totals and its roster counts (its
-- households') leave the old grid and join the new one. Its households are locked first, in id order as the ledger's callers
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
  INSERT INTO "unit_roster" ("org_id", "households", "bound_households", "bound_members")
  SELECT g."id", p."sign" * k."households", p."sign" * k."bound_households", p."sign" * k."bound_members"
    FROM "unit_roster" k
   CROSS JOIN (VALUES (-1, OLD."parent_id"), (1, NEW."parent_id")) AS p("sign", "parent_id")
    JOIN "orgs" g ON g."id" = p."parent_id" AND g."kind" = 'grid'
   WHERE k."org_id" = NEW."id"
   ORDER BY g."id" COLLATE "C"
  ON CONFLICT ("org_id") DO UPDATE
     SET "households" = "unit_roster"."households" + excluded."households",
         "bound_households" = "unit_roster"."bound_households" + excluded."bound_households",
         "bound_members" = "unit_roster"."bound_members" + excluded."bound_members";
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

--> statement-breakpoint
-- A household added, moved (village, community, micro-grid) or removed: its count, whether it has a
-- bound member and how many leave the units it sat in and join the new ones, in key order.
CREATE FUNCTION households_roster_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  members int;
BEGIN
  SELECT count(*) INTO members FROM "household_members" WHERE "household_id" = coalesce(NEW."id", OLD."id") AND "unbound_at" IS NULL;
  INSERT INTO "unit_roster" ("org_id", "households", "bound_households", "bound_members")
  SELECT u."org_id", sum(p."sign")::int, sum(p."sign" * (members > 0)::int)::int, sum(p."sign" * members)::int
    FROM (SELECT -1, OLD."village_id", OLD."community_id", OLD."micro_grid_id" WHERE TG_OP <> 'INSERT'
          UNION ALL
          SELECT 1, NEW."village_id", NEW."community_id", NEW."micro_grid_id" WHERE TG_OP <> 'DELETE')
         AS p("sign", "village_id", "community_id", "micro_grid_id")
   CROSS JOIN LATERAL household_units(p."village_id", p."community_id", p."micro_grid_id") AS u("org_id")
   GROUP BY u."org_id"
  HAVING sum(p."sign") <> 0
   ORDER BY u."org_id" COLLATE "C"
  ON CONFLICT ("org_id") DO UPDATE
     SET "households" = "unit_roster"."households" + excluded."households",
         "bound_households" = "unit_roster"."bound_households" + excluded."bound_households",
         "bound_members" = "unit_roster"."bound_members" + excluded."bound_members";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER households_unit_roster
  AFTER INSERT OR DELETE OR UPDATE OF "village_id", "community_id", "micro_grid_id" ON "households"
  FOR EACH ROW
  EXECUTE FUNCTION households_roster_changed();
--> statement-breakpoint
-- A member bound or unbound: the household's units count one bound user more or fewer, and one bound
-- household more or fewer when it is the first or the last. The household is locked first (NO KEY
-- UPDATE: the member row's key share does not block it), so two changes to its members count one after
-- the other, and a move of the household waits or is waited for.
CREATE FUNCTION household_members_roster_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta int;
  now_active int;
  place record;
BEGIN
  delta := (CASE WHEN TG_OP <> 'DELETE' AND NEW."unbound_at" IS NULL THEN 1 ELSE 0 END)
         - (CASE WHEN TG_OP <> 'INSERT' AND OLD."unbound_at" IS NULL THEN 1 ELSE 0 END);
  IF delta = 0 THEN
    RETURN NULL;
  END IF;
  SELECT "village_id", "community_id", "micro_grid_id" INTO place
    FROM "households" WHERE "id" = coalesce(NEW."household_id", OLD."household_id") FOR NO KEY UPDATE;
  SELECT count(*) INTO now_active FROM "household_members"
   WHERE "household_id" = coalesce(NEW."household_id", OLD."household_id") AND "unbound_at" IS NULL;
  INSERT INTO "unit_roster" ("org_id", "households", "bound_households", "bound_members")
  SELECT u."org_id", 0, (now_active > 0)::int - (now_active - delta > 0)::int, delta
    FROM household_units(place."village_id", place."community_id", place."micro_grid_id") AS u("org_id")
   ORDER BY u."org_id" COLLATE "C"
  ON CONFLICT ("org_id") DO UPDATE
     SET "bound_households" = "unit_roster"."bound_households" + excluded."bound_households",
         "bound_members" = "unit_roster"."bound_members" + excluded."bound_members";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER household_members_unit_roster
  AFTER INSERT OR DELETE OR UPDATE OF "unbound_at" ON "household_members"
  FOR EACH ROW
  EXECUTE FUNCTION household_members_roster_changed();
--> statement-breakpoint
-- An installation that already has households starts with roster counts equal to them.
INSERT INTO "unit_roster" ("org_id", "households", "bound_households", "bound_members")
SELECT u."org_id", count(*)::int, count(m."household_id")::int, coalesce(sum(m."members"), 0)::int
  FROM "households" h
  LEFT JOIN (SELECT "household_id", count(*) AS "members" FROM "household_members" WHERE "unbound_at" IS NULL GROUP BY 1) m
    ON m."household_id" = h."id"
 CROSS JOIN LATERAL household_units(h."village_id", h."community_id", h."micro_grid_id") AS u("org_id")
 GROUP BY u."org_id";
