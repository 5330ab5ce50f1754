CREATE TABLE "photo_deletions" (
	"file_id" text PRIMARY KEY NOT NULL,
	"closed_case" text NOT NULL,
	"deleted_at" timestamp with time zone NOT NULL
);
