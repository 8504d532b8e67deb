CREATE TABLE "direct_line_activities" (
	"shop_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"watermark" integer NOT NULL,
	"activity" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_line_activities_conversation_id_watermark_pk" PRIMARY KEY("conversation_id","watermark")
);
--> statement-breakpoint
CREATE TABLE "direct_line_conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"shop_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"device_id" text,
	"locale" text,
	"last_watermark" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messenger_pages" (
	"page_id" text PRIMARY KEY NOT NULL,
	"shop_id" uuid NOT NULL,
	"access_token_sealed" text NOT NULL,
	"human_app_id" text DEFAULT '263902037430900' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messenger_threads" (
	"shop_id" uuid NOT NULL,
	"page_id" text NOT NULL,
	"psid" text NOT NULL,
	"last_user_message_at" timestamp with time zone,
	"owner" text DEFAULT 'bot' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messenger_threads_page_id_psid_pk" PRIMARY KEY("page_id","psid")
);
--> statement-breakpoint
ALTER TABLE "direct_line_activities" ADD CONSTRAINT "direct_line_activities_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_line_activities" ADD CONSTRAINT "direct_line_activities_conversation_id_direct_line_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."direct_line_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_line_conversations" ADD CONSTRAINT "direct_line_conversations_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_pages" ADD CONSTRAINT "messenger_pages_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_threads" ADD CONSTRAINT "messenger_threads_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messenger_threads" ADD CONSTRAINT "messenger_threads_page_id_messenger_pages_page_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."messenger_pages"("page_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "direct_line_activities_shop_idx" ON "direct_line_activities" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "direct_line_conversations_shop_idx" ON "direct_line_conversations" USING btree ("shop_id","last_activity_at");