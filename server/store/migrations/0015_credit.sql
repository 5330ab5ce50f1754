CREATE TABLE "bank_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"bank_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"basis" text NOT NULL,
	"bands" jsonb NOT NULL,
	"published_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_verifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"certificate_id" text NOT NULL,
	"officer_openid" text NOT NULL,
	"officer_org_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"bank_id" text NOT NULL,
	"bank_name" text NOT NULL,
	"statements" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL,
	"issued_by" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"superseded_at" timestamp with time zone,
	"superseded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bank_terms" ADD CONSTRAINT "bank_terms_bank_id_orgs_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_terms" ADD CONSTRAINT "bank_terms_published_by_users_openid_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_verifications" ADD CONSTRAINT "certificate_verifications_certificate_id_credit_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."credit_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_verifications" ADD CONSTRAINT "certificate_verifications_officer_openid_users_openid_fk" FOREIGN KEY ("officer_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_verifications" ADD CONSTRAINT "certificate_verifications_officer_org_id_orgs_id_fk" FOREIGN KEY ("officer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_certificates" ADD CONSTRAINT "credit_certificates_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_certificates" ADD CONSTRAINT "credit_certificates_bank_id_orgs_id_fk" FOREIGN KEY ("bank_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_certificates" ADD CONSTRAINT "credit_certificates_issued_by_users_openid_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_certificates" ADD CONSTRAINT "credit_certificates_revoked_by_users_openid_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_terms_version" ON "bank_terms" USING btree ("bank_id","version");--> statement-breakpoint
CREATE INDEX "certificate_verifications_certificate_idx" ON "certificate_verifications" USING btree ("certificate_id","id");--> statement-breakpoint
CREATE INDEX "credit_certificates_household_idx" ON "credit_certificates" USING btree ("household_id","issued_at");