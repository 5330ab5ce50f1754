CREATE TABLE "matter_seconds" (
	"matter_id" bigint NOT NULL,
	"household_id" text NOT NULL,
	"openid" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matter_seconds_matter_id_household_id_pk" PRIMARY KEY("matter_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "matter_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"matter_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"actor_openid" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"micro_grid_id" text,
	"household_id" text NOT NULL,
	"raised_by" text NOT NULL,
	"text" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"merged_into_id" bigint,
	"assignee" text,
	"assignee_openid" text,
	"due_at" timestamp with time zone,
	"reopened" integer DEFAULT 0 NOT NULL,
	"rating" text,
	"outcome" text DEFAULT '' NOT NULL,
	"first_feedback_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matter_seconds" ADD CONSTRAINT "matter_seconds_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_seconds" ADD CONSTRAINT "matter_seconds_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_seconds" ADD CONSTRAINT "matter_seconds_openid_users_openid_fk" FOREIGN KEY ("openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_steps" ADD CONSTRAINT "matter_steps_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_steps" ADD CONSTRAINT "matter_steps_actor_openid_users_openid_fk" FOREIGN KEY ("actor_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_micro_grid_id_orgs_id_fk" FOREIGN KEY ("micro_grid_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_raised_by_users_openid_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_merged_into_id_matters_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_assignee_openid_users_openid_fk" FOREIGN KEY ("assignee_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_steps_matter_idx" ON "matter_steps" USING btree ("matter_id","id");--> statement-breakpoint
CREATE INDEX "matters_village_idx" ON "matters" USING btree ("village_id","created_at");--> statement-breakpoint
CREATE INDEX "matters_micro_grid_idx" ON "matters" USING btree ("micro_grid_id","created_at");--> statement-breakpoint
CREATE INDEX "matters_household_idx" ON "matters" USING btree ("household_id");