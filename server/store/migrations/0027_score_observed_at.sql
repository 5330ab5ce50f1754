ALTER TABLE "score_records" ADD COLUMN "observed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Hand-written (keep at the end when renumbering): scores recorded before this migration were observed when recorded.
UPDATE "score_records" SET "observed_at" = "created_at";
