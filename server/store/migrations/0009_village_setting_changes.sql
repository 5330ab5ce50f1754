CREATE TABLE "village_setting_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"actor_openid" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "village_setting_changes" ADD CONSTRAINT "village_setting_changes_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_setting_changes" ADD CONSTRAINT "village_setting_changes_actor_openid_users_openid_fk" FOREIGN KEY ("actor_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;