CREATE TABLE "audience_chat_topics" (
	"shop_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"key_version" integer NOT NULL,
	"topic" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audience_chat_topics_topic_is_slug" CHECK ("audience_chat_topics"."topic" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("audience_chat_topics"."topic") <= 64)
);
--> statement-breakpoint
ALTER TABLE "audience_chat_topics" ADD CONSTRAINT "audience_chat_topics_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audience_chat_topics_subject_idx" ON "audience_chat_topics" USING btree ("shop_id","subject","asked_at");