CREATE TABLE "paper_cards" (
	"village_id" text NOT NULL,
	"card_number" text NOT NULL,
	"household_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "paper_cards_village_id_card_number_pk" PRIMARY KEY("village_id","card_number"),
	CONSTRAINT "paper_cards_household_id_unique" UNIQUE("household_id")
);
--> statement-breakpoint
CREATE TABLE "points_import_households" (
	"household_id" text PRIMARY KEY NOT NULL,
	"import_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"village_id" text NOT NULL,
	"as_of" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"rows" jsonb NOT NULL,
	"totals" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "points_imports_two_people" CHECK ("points_imports"."confirmed_by" is null or "points_imports"."confirmed_by" <> "points_imports"."drafted_by")
);
--> statement-breakpoint
ALTER TABLE "paper_cards" ADD CONSTRAINT "paper_cards_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_cards" ADD CONSTRAINT "paper_cards_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_import_households" ADD CONSTRAINT "points_import_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_import_households" ADD CONSTRAINT "points_import_households_import_id_points_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."points_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_imports" ADD CONSTRAINT "points_imports_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_imports" ADD CONSTRAINT "points_imports_drafted_by_users_openid_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_imports" ADD CONSTRAINT "points_imports_confirmed_by_users_openid_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_imports_village_idx" ON "points_imports" USING btree ("village_id","id");