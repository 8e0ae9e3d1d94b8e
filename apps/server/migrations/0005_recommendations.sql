CREATE TABLE "recommendation_items" (
	"recommendation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "recommendation_items_recommendation_id_application_id_pk" PRIMARY KEY("recommendation_id","application_id"),
	CONSTRAINT "recommendation_items_rank_unique" UNIQUE("recommendation_id","rank")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"recommender_organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"opinion" text,
	"signer_name" text,
	"signed_by" uuid,
	"issued_at" timestamp with time zone,
	"sha256" text,
	"snapshot_hashes" jsonb,
	"reopened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_unique" UNIQUE("call_id","channel_id","recommender_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"application_id" uuid NOT NULL,
	"recommender_organisation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_decisions_application_id_recommender_organisation_id_pk" PRIMARY KEY("application_id","recommender_organisation_id")
);
--> statement-breakpoint
ALTER TABLE "recommendation_items" ADD CONSTRAINT "recommendation_items_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendations_call_idx" ON "recommendations" USING btree ("call_id");