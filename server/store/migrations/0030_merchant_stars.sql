CREATE TABLE "alliance_star_terms" (
	"id" serial PRIMARY KEY NOT NULL,
	"alliance_id" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"window_months" integer NOT NULL,
	"bands" jsonb NOT NULL,
	"red_min_stars" integer NOT NULL,
	"black_line" integer NOT NULL,
	"published_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"alliance_id" text NOT NULL,
	"period" text NOT NULL,
	"merchant_id" text NOT NULL,
	"terms_id" integer NOT NULL,
	"points" integer NOT NULL,
	"stars" integer NOT NULL,
	"rated_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alliance_star_terms" ADD CONSTRAINT "alliance_star_terms_alliance_id_orgs_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_star_terms" ADD CONSTRAINT "alliance_star_terms_published_by_users_openid_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_alliance_id_orgs_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_merchant_id_households_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_terms_id_alliance_star_terms_id_fk" FOREIGN KEY ("terms_id") REFERENCES "public"."alliance_star_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_ratings" ADD CONSTRAINT "star_ratings_rated_by_users_openid_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alliance_star_terms_version" ON "alliance_star_terms" USING btree ("alliance_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "star_ratings_merchant_period" ON "star_ratings" USING btree ("merchant_id","period");--> statement-breakpoint
CREATE INDEX "star_ratings_alliance_period_idx" ON "star_ratings" USING btree ("alliance_id","period");