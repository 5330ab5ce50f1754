CREATE TABLE "rule_set_orgs" (
	"org_id" text PRIMARY KEY NOT NULL,
	"rule_set_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_set_versions" (
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_set_versions_rule_set_id_version_pk" PRIMARY KEY("rule_set_id","version")
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_org_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_set_id" text NOT NULL,
	"version" integer NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"points" integer NOT NULL,
	"monthly_limit" integer,
	"yearly_limit" integer,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"restorable" boolean DEFAULT false NOT NULL,
	"rectify_days" integer,
	"claimable" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rules_points_nonzero" CHECK ("rules"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"entry_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"submitted_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"reversal_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_period_points" (
	"household_id" text NOT NULL,
	"period" text NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "household_period_points_period_household_id_pk" PRIMARY KEY("period","household_id")
);
--> statement-breakpoint
CREATE TABLE "score_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"rule_id" integer NOT NULL,
	"points" integer NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" text NOT NULL,
	"scorer_org_id" text,
	"request_id" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"ledger_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_records_ledger_entry_id_unique" UNIQUE("ledger_entry_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "rule_id" integer;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "scorer_org_id" text;--> statement-breakpoint
ALTER TABLE "rule_set_orgs" ADD CONSTRAINT "rule_set_orgs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_set_orgs" ADD CONSTRAINT "rule_set_orgs_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_set_versions" ADD CONSTRAINT "rule_set_versions_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_set_versions" ADD CONSTRAINT "rule_set_versions_published_by_users_openid_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_owner_org_id_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_submitted_by_users_openid_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_users_openid_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_reversal_entry_id_ledger_entries_id_fk" FOREIGN KEY ("reversal_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_period_points" ADD CONSTRAINT "household_period_points_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_submitted_by_users_openid_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_scorer_org_id_orgs_id_fk" FOREIGN KEY ("scorer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_decided_by_users_openid_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_records" ADD CONSTRAINT "score_records_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rules_version_code" ON "rules" USING btree ("rule_set_id","version","code");--> statement-breakpoint
CREATE INDEX "rules_set_version_idx" ON "rules" USING btree ("rule_set_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_per_entry" ON "appeals" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "appeals_household_idx" ON "appeals" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "score_records_household_idx" ON "score_records" USING btree ("household_id","created_at");--> statement-breakpoint
CREATE INDEX "score_records_submitter_idx" ON "score_records" USING btree ("submitted_by","id");--> statement-breakpoint
CREATE INDEX "score_records_status_idx" ON "score_records" USING btree ("status");--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_scorer_org_id_orgs_id_fk" FOREIGN KEY ("scorer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;