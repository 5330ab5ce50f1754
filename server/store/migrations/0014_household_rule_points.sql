CREATE TABLE "household_rule_points" (
	"period" text NOT NULL,
	"household_id" text NOT NULL,
	"rule_id" integer NOT NULL,
	"scorer_org_id" text NOT NULL,
	"given" integer DEFAULT 0 NOT NULL,
	"deducted" integer DEFAULT 0 NOT NULL,
	"corrected" integer DEFAULT 0 NOT NULL,
	"restored" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_rule_points_period_household_id_rule_id_scorer_org_id_pk" PRIMARY KEY("period","household_id","rule_id","scorer_org_id")
);
--> statement-breakpoint
ALTER TABLE "household_rule_points" ADD CONSTRAINT "household_rule_points_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_rule_points_household_idx" ON "household_rule_points" USING btree ("household_id");--> statement-breakpoint
-- A ledger that already has entries starts with kept totals equal to them.
INSERT INTO "household_rule_points" ("period", "household_id", "rule_id", "scorer_org_id", "given", "deducted", "corrected", "restored")
SELECT "period", "household_id", coalesce("rule_id", 0), coalesce("scorer_org_id", ''),
       coalesce(sum("points") FILTER (WHERE "kind" = 'score' AND "points" > 0), 0)::int,
       coalesce(-sum("points") FILTER (WHERE "kind" = 'score' AND "points" < 0), 0)::int,
       coalesce(sum("points") FILTER (WHERE "kind" = 'score_reversal'), 0)::int,
       coalesce(sum("points") FILTER (WHERE "kind" = 'restoration'), 0)::int
  FROM (SELECT to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS "period", * FROM "ledger_entries"
         WHERE "kind" IN ('score', 'score_reversal', 'restoration')
        UNION ALL
        SELECT to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY'), * FROM "ledger_entries"
         WHERE "kind" IN ('score', 'score_reversal', 'restoration')) AS "earned"
 GROUP BY "period", "household_id", coalesce("rule_id", 0), coalesce("scorer_org_id", '');
