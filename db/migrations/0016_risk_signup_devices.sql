CREATE TABLE "risk_signup_devices" (
	"shop_id" uuid NOT NULL,
	"email_key" text NOT NULL,
	"device_id" text NOT NULL,
	"seen_at" bigint NOT NULL,
	CONSTRAINT "risk_signup_devices_shop_id_email_key_device_id_pk" PRIMARY KEY("shop_id","email_key","device_id")
);
--> statement-breakpoint
ALTER TABLE "risk_signup_devices" ADD CONSTRAINT "risk_signup_devices_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;