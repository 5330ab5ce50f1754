CREATE TABLE "card_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"jti" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "card_codes" ADD CONSTRAINT "card_codes_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_codes_expires_idx" ON "card_codes" USING btree ("expires_at");