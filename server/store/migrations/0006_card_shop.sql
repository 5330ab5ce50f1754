CREATE TABLE "goods" (
	"id" serial PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"name" text NOT NULL,
	"points_price" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"on_shelf" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goods_price_positive" CHECK ("goods"."points_price" > 0),
	CONSTRAINT "goods_stock_nonneg" CHECK ("goods"."stock" >= 0)
);
--> statement-breakpoint
CREATE TABLE "shop_villages" (
	"shop_id" text NOT NULL,
	"village_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_villages_shop_id_village_id_pk" PRIMARY KEY("shop_id","village_id")
);
--> statement-breakpoint
CREATE TABLE "household_cards" (
	"household_id" text PRIMARY KEY NOT NULL,
	"card_number" text NOT NULL,
	"pin_hash" text,
	"pin_failures" integer DEFAULT 0 NOT NULL,
	"pin_set_at" timestamp with time zone,
	"pin_set_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_cards_card_number_unique" UNIQUE("card_number")
);
--> statement-breakpoint
CREATE TABLE "used_card_tokens" (
	"jti" text PRIMARY KEY NOT NULL,
	"household_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"redemption_id" text NOT NULL,
	"goods_id" integer NOT NULL,
	"goods_name" text NOT NULL,
	"unit_points" integer NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_reversals" (
	"redemption_id" text PRIMARY KEY NOT NULL,
	"ledger_entry_id" bigint NOT NULL,
	"actor_openid" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redemption_reversals_ledger_entry_id_unique" UNIQUE("ledger_entry_id")
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" text NOT NULL,
	"household_id" text NOT NULL,
	"clerk_openid" text NOT NULL,
	"points_spent" integer NOT NULL,
	"ledger_entry_id" bigint NOT NULL,
	"token_jti" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redemptions_ledger_entry_id_unique" UNIQUE("ledger_entry_id"),
	CONSTRAINT "redemptions_token_jti_unique" UNIQUE("token_jti"),
	CONSTRAINT "redemptions_points_positive" CHECK ("redemptions"."points_spent" > 0)
);
--> statement-breakpoint
ALTER TABLE "goods" ADD CONSTRAINT "goods_shop_id_orgs_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_villages" ADD CONSTRAINT "shop_villages_shop_id_orgs_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_villages" ADD CONSTRAINT "shop_villages_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_cards" ADD CONSTRAINT "household_cards_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_cards" ADD CONSTRAINT "household_cards_pin_set_by_users_openid_fk" FOREIGN KEY ("pin_set_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "used_card_tokens" ADD CONSTRAINT "used_card_tokens_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_items" ADD CONSTRAINT "redemption_items_redemption_id_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_items" ADD CONSTRAINT "redemption_items_goods_id_goods_id_fk" FOREIGN KEY ("goods_id") REFERENCES "public"."goods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_reversals" ADD CONSTRAINT "redemption_reversals_redemption_id_redemptions_id_fk" FOREIGN KEY ("redemption_id") REFERENCES "public"."redemptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_reversals" ADD CONSTRAINT "redemption_reversals_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemption_reversals" ADD CONSTRAINT "redemption_reversals_actor_openid_users_openid_fk" FOREIGN KEY ("actor_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_shop_id_orgs_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_clerk_openid_users_openid_fk" FOREIGN KEY ("clerk_openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redemptions" ADD CONSTRAINT "redemptions_token_jti_used_card_tokens_jti_fk" FOREIGN KEY ("token_jti") REFERENCES "public"."used_card_tokens"("jti") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "goods_shop_name" ON "goods" USING btree ("shop_id","name");--> statement-breakpoint
CREATE INDEX "redemption_items_redemption_idx" ON "redemption_items" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "redemptions_shop_time_idx" ON "redemptions" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "redemptions_household_time_idx" ON "redemptions" USING btree ("household_id","created_at");