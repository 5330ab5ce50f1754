CREATE TABLE "reminders_sent" (
	"openid" text NOT NULL,
	"reason" text NOT NULL,
	"subject" text NOT NULL,
	"day" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminders_sent_openid_reason_subject_day_pk" PRIMARY KEY("openid","reason","subject","day")
);
--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_openid_users_openid_fk" FOREIGN KEY ("openid") REFERENCES "public"."users"("openid") ON DELETE no action ON UPDATE no action;