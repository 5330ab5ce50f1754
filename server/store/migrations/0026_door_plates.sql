CREATE TABLE "door_plates" (
	"code" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"village_id" text NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "door_plates" ADD CONSTRAINT "door_plates_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_plates" ADD CONSTRAINT "door_plates_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "door_plates" ADD CONSTRAINT "door_plates_issued_by_users_openid_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "door_plates_in_use" ON "door_plates" USING btree ("household_id") WHERE "door_plates"."revoked_at" is null;