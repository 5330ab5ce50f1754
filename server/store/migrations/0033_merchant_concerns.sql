CREATE TABLE "merchant_concerns" (
	"id" serial PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"alliance_id" text NOT NULL,
	"text" text NOT NULL,
	"openid" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "merchant_concerns" ADD CONSTRAINT "merchant_concerns_merchant_id_households_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_concerns" ADD CONSTRAINT "merchant_concerns_alliance_id_orgs_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "merchant_concerns_alliance_idx" ON "merchant_concerns" USING btree ("alliance_id","id");--> statement-breakpoint
CREATE INDEX "merchant_concerns_openid_idx" ON "merchant_concerns" USING btree ("openid","created_at");