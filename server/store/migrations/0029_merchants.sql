DROP INDEX "household_members_active_openid";
--> statement-breakpoint
ALTER TABLE "household_members" ADD COLUMN "member_kind" text DEFAULT 'household' NOT NULL;
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "member_kind" text DEFAULT 'household' NOT NULL;
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "trade_name" text;
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "category" text;
--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_id_kind" UNIQUE("id","member_kind");
--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_kind_fk" FOREIGN KEY ("household_id","member_kind") REFERENCES "public"."households"("id","member_kind") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_active_openid_kind" ON "household_members" USING btree ("openid","member_kind") WHERE "household_members"."unbound_at" is null;
--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_member_kind" CHECK ("households"."member_kind" in ('household', 'merchant'));
--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_merchant_fields" CHECK (("households"."member_kind" = 'merchant') = ("households"."trade_name" is not null and "households"."category" is not null) and ("households"."member_kind" = 'household' or "households"."shares" = 0));