CREATE TABLE "audience_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"segment_id" uuid,
	"segment_name" text NOT NULL,
	"query" text NOT NULL,
	"shopify_tag" text NOT NULL,
	"create_shopify_segment" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"size" integer,
	"tagged" integer DEFAULT 0 NOT NULL,
	"shopify_segment_id" text,
	"requested_by" text NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audience_profiles" (
	"shop_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"tags" text[] NOT NULL,
	"key_version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audience_profiles_shop_id_subject_pk" PRIMARY KEY("shop_id","subject")
);
--> statement-breakpoint
CREATE TABLE "audience_refreshes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"definitions_version" text NOT NULL,
	"key_version" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"thresholds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tag_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"profiles" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audience_segment_sizes" (
	"shop_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"refresh_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	CONSTRAINT "audience_segment_sizes_segment_id_refresh_id_pk" PRIMARY KEY("segment_id","refresh_id")
);
--> statement-breakpoint
CREATE TABLE "audience_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audience_exports" ADD CONSTRAINT "audience_exports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_exports" ADD CONSTRAINT "audience_exports_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_profiles" ADD CONSTRAINT "audience_profiles_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_refreshes" ADD CONSTRAINT "audience_refreshes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_segment_sizes" ADD CONSTRAINT "audience_segment_sizes_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_segment_sizes" ADD CONSTRAINT "audience_segment_sizes_segment_id_audience_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."audience_segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_segment_sizes" ADD CONSTRAINT "audience_segment_sizes_refresh_id_audience_refreshes_id_fk" FOREIGN KEY ("refresh_id") REFERENCES "public"."audience_refreshes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_segments" ADD CONSTRAINT "audience_segments_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audience_exports_shop_idx" ON "audience_exports" USING btree ("shop_id","requested_at");--> statement-breakpoint
CREATE INDEX "audience_refreshes_shop_idx" ON "audience_refreshes" USING btree ("shop_id","started_at");--> statement-breakpoint
CREATE INDEX "audience_segment_sizes_shop_idx" ON "audience_segment_sizes" USING btree ("shop_id","segment_id","measured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audience_segments_shop_name_idx" ON "audience_segments" USING btree ("shop_id","name");