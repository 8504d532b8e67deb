CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"shop_id" uuid NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"action" text NOT NULL,
	"subject" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "global_blocklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"identifier_key" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"added_by" text NOT NULL,
	"origin_shop_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "risk_accounts" (
	"shop_id" uuid NOT NULL,
	"account_id" text NOT NULL,
	"first_seen" bigint NOT NULL,
	"signed_up_at" bigint,
	"email_at" bigint,
	"email_domain" text,
	"email_is_variant" boolean,
	CONSTRAINT "risk_accounts_shop_id_account_id_pk" PRIMARY KEY("shop_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "risk_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"channel" text NOT NULL,
	"statement" text NOT NULL,
	"contact" text,
	"subject_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"verdict_id" uuid,
	"notify_address" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"message" text,
	"lifted_entries" text[],
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_blocklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"identifier_key" text NOT NULL,
	"kind" text NOT NULL,
	"effect" text DEFAULT 'block' NOT NULL,
	"reason" text NOT NULL,
	"added_by" text NOT NULL,
	"hint" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removed_by" text
);
--> statement-breakpoint
CREATE TABLE "risk_blocklist_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_identity_links" (
	"shop_id" uuid NOT NULL,
	"identifier_key" text NOT NULL,
	"account_id" text NOT NULL,
	"seen_at" bigint NOT NULL,
	CONSTRAINT "risk_identity_links_shop_id_identifier_key_seen_at_account_id_pk" PRIMARY KEY("shop_id","identifier_key","seen_at","account_id")
);
--> statement-breakpoint
CREATE TABLE "risk_order_sources" (
	"shop_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"at" bigint NOT NULL,
	"order_id" text NOT NULL,
	CONSTRAINT "risk_order_sources_shop_id_source_key_at_order_id_pk" PRIMARY KEY("shop_id","source_key","at","order_id")
);
--> statement-breakpoint
CREATE TABLE "risk_orders" (
	"shop_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"account_id" text NOT NULL,
	"at" bigint NOT NULL,
	"amount" double precision,
	"discount_code" text,
	"first_order" boolean NOT NULL,
	"payment_failed" boolean NOT NULL,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "risk_orders_shop_id_order_id_pk" PRIMARY KEY("shop_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "risk_shop_state" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb,
	"rules_updated_by" text,
	"model" jsonb,
	"model_label_count" bigint,
	"model_trained_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"customer_id" bigint,
	"score" real NOT NULL,
	"rule_score" real NOT NULL,
	"model_score" real,
	"decision" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"features" jsonb NOT NULL,
	"identifiers" jsonb NOT NULL,
	"review_status" text NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"written_back_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shop_secrets" (
	"shop_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"sealed_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shop_secrets_shop_id_version_pk" PRIMARY KEY("shop_id","version")
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_ref" text,
	"shopify_request_id" bigint,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"export_sealed" text,
	"export_expires_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "global_blocklist" ADD CONSTRAINT "global_blocklist_origin_shop_id_shops_id_fk" FOREIGN KEY ("origin_shop_id") REFERENCES "public"."shops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_accounts" ADD CONSTRAINT "risk_accounts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_appeals" ADD CONSTRAINT "risk_appeals_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_blocklist" ADD CONSTRAINT "risk_blocklist_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_blocklist_events" ADD CONSTRAINT "risk_blocklist_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_identity_links" ADD CONSTRAINT "risk_identity_links_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_order_sources" ADD CONSTRAINT "risk_order_sources_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_orders" ADD CONSTRAINT "risk_orders_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_shop_state" ADD CONSTRAINT "risk_shop_state_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_verdicts" ADD CONSTRAINT "risk_verdicts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shop_secrets" ADD CONSTRAINT "shop_secrets_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_shop_idx" ON "audit_log" USING btree ("shop_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("shop_id","action","id");--> statement-breakpoint
CREATE INDEX "global_blocklist_key_idx" ON "global_blocklist" USING btree ("identifier_key");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_appeals_reference_idx" ON "risk_appeals" USING btree ("shop_id","reference");--> statement-breakpoint
CREATE INDEX "risk_appeals_queue_idx" ON "risk_appeals" USING btree ("shop_id","status","created_at");--> statement-breakpoint
CREATE INDEX "risk_blocklist_key_idx" ON "risk_blocklist" USING btree ("shop_id","identifier_key");--> statement-breakpoint
CREATE INDEX "risk_blocklist_events_entry_idx" ON "risk_blocklist_events" USING btree ("shop_id","entry_id","at");--> statement-breakpoint
CREATE INDEX "risk_identity_links_account_idx" ON "risk_identity_links" USING btree ("shop_id","account_id","seen_at");--> statement-breakpoint
CREATE INDEX "risk_orders_account_idx" ON "risk_orders" USING btree ("shop_id","account_id","at");--> statement-breakpoint
CREATE INDEX "risk_orders_code_idx" ON "risk_orders" USING btree ("shop_id","discount_code","at") WHERE "risk_orders"."discount_code" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "risk_verdicts_subject_idx" ON "risk_verdicts" USING btree ("shop_id","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "risk_verdicts_queue_idx" ON "risk_verdicts" USING btree ("shop_id","review_status","created_at");--> statement-breakpoint
CREATE INDEX "subject_requests_shop_idx" ON "subject_requests" USING btree ("shop_id","received_at");