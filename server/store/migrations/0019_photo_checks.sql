CREATE TABLE "photo_checks" (
	"file_id" text PRIMARY KEY NOT NULL,
	"uploader_openid" text NOT NULL,
	"trace_id" text,
	"verdict" text DEFAULT 'checking' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "photo_checks_trace_id_unique" UNIQUE("trace_id")
);
--> statement-breakpoint
CREATE INDEX "photo_checks_verdict_idx" ON "photo_checks" USING btree ("verdict","requested_at");