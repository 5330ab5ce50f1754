CREATE TABLE "bulletins" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"title" text NOT NULL,
	"posted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"openid" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"page" text DEFAULT '' NOT NULL,
	"delivery" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"village_id" text NOT NULL,
	"channel_org_id" text NOT NULL,
	"deduction_entry_id" bigint NOT NULL,
	"rule_id" integer,
	"points" integer NOT NULL,
	"problem" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"opened_by" text NOT NULL,
	"bulletin_id" bigint,
	"proof_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proof_note" text DEFAULT '' NOT NULL,
	"proof_by" text,
	"proof_at" timestamp with time zone,
	"rejection_reason" text DEFAULT '' NOT NULL,
	"verified_by" text,
	"rectified_at" timestamp with time zone,
	"restoration_entry_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_deduction_entry_id_unique" UNIQUE("deduction_entry_id"),
	CONSTRAINT "notices_restoration_entry_id_unique" UNIQUE("restoration_entry_id")
);
--> statement-breakpoint
CREATE TABLE "subscription_grants" (
	"openid" text NOT NULL,
	"template" text NOT NULL,
	"available" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subscription_grants_openid_template_pk" PRIMARY KEY("openid","template")
);
--> statement-breakpoint
CREATE TABLE "wechat_groups" (
	"open_g_id" text PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_posted_by_users_openid_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_openid_users_openid_fk" FOREIGN KEY ("openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_channel_org_id_orgs_id_fk" FOREIGN KEY ("channel_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_deduction_entry_id_ledger_entries_id_fk" FOREIGN KEY ("deduction_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_rule_id_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_opened_by_users_openid_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_proof_by_users_openid_fk" FOREIGN KEY ("proof_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_verified_by_users_openid_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_restoration_entry_id_ledger_entries_id_fk" FOREIGN KEY ("restoration_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_grants" ADD CONSTRAINT "subscription_grants_openid_users_openid_fk" FOREIGN KEY ("openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wechat_groups" ADD CONSTRAINT "wechat_groups_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wechat_groups" ADD CONSTRAINT "wechat_groups_recorded_by_users_openid_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_openid_idx" ON "messages" USING btree ("openid","id");--> statement-breakpoint
CREATE INDEX "notices_channel_idx" ON "notices" USING btree ("channel_org_id","created_at");--> statement-breakpoint
CREATE INDEX "notices_household_idx" ON "notices" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "notices_village_idx" ON "notices" USING btree ("village_id","created_at");