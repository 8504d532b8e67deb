CREATE TABLE "review_merges" (
	"shop_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"into_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trainer_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"language" text NOT NULL,
	"review_item_id" uuid,
	"text" text NOT NULL,
	"intent" text NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"language" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"corpus_size" integer,
	"held_out_size" integer,
	"training_ms" integer,
	"model_bytes" integer,
	"evaluation" jsonb,
	"promoted" boolean,
	"version_id" uuid,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "review_merges" ADD CONSTRAINT "review_merges_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainer_labels" ADD CONSTRAINT "trainer_labels_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_merges_item_idx" ON "review_merges" USING btree ("shop_id","item_id");--> statement-breakpoint
CREATE INDEX "review_merges_into_idx" ON "review_merges" USING btree ("shop_id","into_item_id");--> statement-breakpoint
CREATE INDEX "trainer_labels_shop_idx" ON "trainer_labels" USING btree ("shop_id","language","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trainer_labels_item_idx" ON "trainer_labels" USING btree ("shop_id","review_item_id");--> statement-breakpoint
CREATE INDEX "training_runs_shop_idx" ON "training_runs" USING btree ("shop_id","language","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_runs_one_running_idx" ON "training_runs" USING btree ("shop_id","language") WHERE "training_runs"."status" = 'running';