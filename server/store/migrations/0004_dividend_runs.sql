CREATE TABLE "dividend_lines" (
	"run_id" bigint NOT NULL,
	"household_id" text NOT NULL,
	"head_name" text NOT NULL,
	"house_no" text NOT NULL,
	"shares" integer NOT NULL,
	"points" integer NOT NULL,
	"weight" bigint NOT NULL,
	"basic_fen" bigint NOT NULL,
	"incentive_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"points_origin" jsonb NOT NULL,
	CONSTRAINT "dividend_lines_run_id_household_id_pk" PRIMARY KEY("run_id","household_id"),
	CONSTRAINT "dividend_lines_amounts" CHECK ("dividend_lines"."basic_fen" >= 0 and "dividend_lines"."incentive_fen" >= 0 and "dividend_lines"."total_fen" = "dividend_lines"."basic_fen" + "dividend_lines"."incentive_fen")
);
--> statement-breakpoint
CREATE TABLE "dividend_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"basic_fen" bigint NOT NULL,
	"incentive_fen" bigint NOT NULL,
	"method" jsonb NOT NULL,
	"total_shares" bigint NOT NULL,
	"total_weight" bigint NOT NULL,
	"household_count" integer NOT NULL,
	"supersedes_run_id" bigint,
	"correction_note" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "dividend_runs_status" CHECK ("dividend_runs"."status" in ('draft', 'published')),
	CONSTRAINT "dividend_runs_published_at" CHECK (("dividend_runs"."status" = 'published') = ("dividend_runs"."published_at" is not null)),
	CONSTRAINT "dividend_runs_pools" CHECK ("dividend_runs"."incentive_fen" >= 0 and "dividend_runs"."basic_fen" >= 0 and "dividend_runs"."basic_fen" + "dividend_runs"."incentive_fen" = "dividend_runs"."total_fen")
);
--> statement-breakpoint
ALTER TABLE "dividend_lines" ADD CONSTRAINT "dividend_lines_run_id_dividend_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."dividend_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_lines" ADD CONSTRAINT "dividend_lines_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_runs" ADD CONSTRAINT "dividend_runs_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_runs" ADD CONSTRAINT "dividend_runs_supersedes_run_id_dividend_runs_id_fk" FOREIGN KEY ("supersedes_run_id") REFERENCES "public"."dividend_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_runs" ADD CONSTRAINT "dividend_runs_created_by_users_openid_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_runs" ADD CONSTRAINT "dividend_runs_published_by_users_openid_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dividend_lines_household_idx" ON "dividend_lines" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "dividend_runs_village_year_idx" ON "dividend_runs" USING btree ("village_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "dividend_runs_supersedes_once" ON "dividend_runs" USING btree ("supersedes_run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dividend_runs_one_draft" ON "dividend_runs" USING btree ("village_id","year") WHERE "dividend_runs"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "dividend_runs_one_original" ON "dividend_runs" USING btree ("village_id","year") WHERE "dividend_runs"."status" = 'published' and "dividend_runs"."supersedes_run_id" is null;