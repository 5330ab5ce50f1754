CREATE TABLE "household_origin_points" (
	"household_id" text NOT NULL,
	"period" text NOT NULL,
	"scorer_org_id" text,
	"points" integer NOT NULL,
	CONSTRAINT "household_origin_points_key" UNIQUE NULLS NOT DISTINCT("period","household_id","scorer_org_id")
);
--> statement-breakpoint
ALTER TABLE "household_origin_points" ADD CONSTRAINT "household_origin_points_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_origin_points" ADD CONSTRAINT "household_origin_points_scorer_org_id_orgs_id_fk" FOREIGN KEY ("scorer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "households_group_idx" ON "households" USING btree ("group_id");--> statement-breakpoint
-- The kept total starts from the ledger's entries as they are (the earned kinds of src/core/ledger.ts).
INSERT INTO "household_origin_points" ("household_id", "period", "scorer_org_id", "points")
SELECT "household_id", to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY'), "scorer_org_id", sum("points")::int
  FROM "ledger_entries"
 WHERE "kind" IN ('score', 'score_reversal', 'restoration')
 GROUP BY 1, 2, 3;
