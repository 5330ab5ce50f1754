CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"alliance_id" text NOT NULL,
	"title" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_tail" text NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sign_ins" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"merchant_id" text NOT NULL,
	"openid" text NOT NULL,
	"score_record_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_alliance_id_orgs_id_fk" FOREIGN KEY ("alliance_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_opened_by_users_openid_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sign_ins" ADD CONSTRAINT "training_sign_ins_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sign_ins" ADD CONSTRAINT "training_sign_ins_merchant_id_households_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sign_ins" ADD CONSTRAINT "training_sign_ins_openid_users_openid_fk" FOREIGN KEY ("openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sign_ins" ADD CONSTRAINT "training_sign_ins_score_record_id_score_records_id_fk" FOREIGN KEY ("score_record_id") REFERENCES "public"."score_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_code_hash" ON "training_sessions" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "training_sessions_alliance_idx" ON "training_sessions" USING btree ("alliance_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sign_ins_once" ON "training_sign_ins" USING btree ("session_id","merchant_id");