CREATE TABLE "risk_failed_lookups" (
	"shop_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "risk_failed_lookups" ADD CONSTRAINT "risk_failed_lookups_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_failed_lookups_source_idx" ON "risk_failed_lookups" USING btree ("shop_id","source_key","at");--> statement-breakpoint
-- Order-lookup limiter keys held the raw IP; they are keyed hashes now, so the old rows are dropped.
DELETE FROM "bot_rate_limits" WHERE "key" LIKE 'order-lookup:ip:%';