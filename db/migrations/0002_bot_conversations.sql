CREATE TABLE "bot_answer_overrides" (
	"shop_id" uuid NOT NULL,
	"intent" text NOT NULL,
	"language" text NOT NULL,
	"answer" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_answer_overrides_shop_id_intent_language_pk" PRIMARY KEY("shop_id","intent","language")
);
--> statement-breakpoint
CREATE TABLE "bot_conversations" (
	"shop_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"language" text,
	"reference" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bot_conversations_shop_id_channel_id_conversation_id_pk" PRIMARY KEY("shop_id","channel_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "bot_handoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"language" text NOT NULL,
	"reference" jsonb NOT NULL,
	"assigned_to" text,
	"closed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "bot_rate_limits" (
	"shop_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "bot_rate_limits_shop_id_key_pk" PRIMARY KEY("shop_id","key")
);
--> statement-breakpoint
CREATE TABLE "bot_transcripts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"conversation_id" text NOT NULL,
	"sender" text NOT NULL,
	"text" text NOT NULL,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corpus_turns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"language" text NOT NULL,
	"text" text NOT NULL,
	"intent" text,
	"score" real,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intent_model_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"model" jsonb NOT NULL,
	"metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"corpus_size" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"language" text NOT NULL,
	"conversation_ref" text NOT NULL,
	"text" text NOT NULL,
	"context" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"top_intents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_answer_overrides" ADD CONSTRAINT "bot_answer_overrides_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_conversations" ADD CONSTRAINT "bot_conversations_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_handoffs" ADD CONSTRAINT "bot_handoffs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_rate_limits" ADD CONSTRAINT "bot_rate_limits_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bot_transcripts" ADD CONSTRAINT "bot_transcripts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corpus_turns" ADD CONSTRAINT "corpus_turns_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intent_model_versions" ADD CONSTRAINT "intent_model_versions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bot_conversations_channel_conversation_idx" ON "bot_conversations" USING btree ("channel_id","conversation_id");--> statement-breakpoint
CREATE INDEX "bot_handoffs_open_idx" ON "bot_handoffs" USING btree ("shop_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bot_handoffs_one_open_idx" ON "bot_handoffs" USING btree ("shop_id","channel_id","conversation_id") WHERE "bot_handoffs"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "bot_transcripts_conversation_idx" ON "bot_transcripts" USING btree ("shop_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "bot_transcripts_retention_idx" ON "bot_transcripts" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "corpus_turns_shop_idx" ON "corpus_turns" USING btree ("shop_id","language","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "intent_model_versions_version_idx" ON "intent_model_versions" USING btree ("shop_id","language","version");--> statement-breakpoint
CREATE UNIQUE INDEX "intent_model_versions_active_idx" ON "intent_model_versions" USING btree ("shop_id","language") WHERE "intent_model_versions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "review_items_open_idx" ON "review_items" USING btree ("shop_id","status","created_at");