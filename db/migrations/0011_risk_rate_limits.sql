CREATE TABLE "risk_rate_limits" (
	"shop_id" uuid NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_rate_limits_shop_id_key_pk" PRIMARY KEY("shop_id","key")
);
--> statement-breakpoint
ALTER TABLE "risk_rate_limits" ADD CONSTRAINT "risk_rate_limits_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_rate_limits_expiry_idx" ON "risk_rate_limits" USING btree ("expires_at");