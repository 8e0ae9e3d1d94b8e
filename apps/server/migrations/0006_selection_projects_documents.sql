CREATE TABLE "defence_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"room" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"panel_expert_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defence_shortlist" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "defence_slots" (
	"session_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"panel_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"panel_recommendation" text,
	"panel_opinion" text,
	"notified_at" timestamp with time zone,
	CONSTRAINT "defence_slots_session_id_application_id_pk" PRIMARY KEY("session_id","application_id"),
	CONSTRAINT "defence_slots_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "expert_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"applicant_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_conflicts_unique" UNIQUE("call_id","expert_user_id","applicant_organisation_id","kind")
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"call_id" text PRIMARY KEY NOT NULL,
	"reviews_per_application" integer NOT NULL,
	"min_load" integer DEFAULT 0 NOT NULL,
	"max_load" integer NOT NULL,
	"pool_organisation_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'setup' NOT NULL,
	"divergence_threshold" real DEFAULT 0.25 NOT NULL,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_statements" (
	"call_id" text NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"text" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expert_statements_call_id_expert_user_id_phase_pk" PRIMARY KEY("call_id","expert_user_id","phase")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"selection_id" uuid NOT NULL,
	"application_id" uuid,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"content" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lodged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy_checks" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"findings" jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"matched" boolean NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opinion" text,
	"total" real,
	"submitted_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_assignments_unique" UNIQUE("application_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "selection_items" (
	"selection_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"outcome" text,
	CONSTRAINT "selection_items_selection_id_application_id_pk" PRIMARY KEY("selection_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approver_name" text,
	"approved_at" timestamp with time zone,
	"notice_title" text,
	"notice_text" text,
	"notice_starts_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"document_number" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "selections_call_id_unique" UNIQUE("call_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"applicant_organisation_id" uuid NOT NULL,
	"recommender_organisation_id" uuid,
	"name" text NOT NULL,
	"outcome" text,
	"status" text DEFAULT 'implementing' NOT NULL,
	"selected_at" timestamp with time zone NOT NULL,
	"document_number" text NOT NULL,
	"demonstration_ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "export_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" text NOT NULL,
	"recommender_organisation_id" uuid,
	"requested_by" uuid NOT NULL,
	"requested_by_organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"file_path" text,
	"file_size" bigint,
	"sha256" text,
	"error" text,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "defence_slots" ADD CONSTRAINT "defence_slots_session_id_defence_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."defence_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selection_items" ADD CONSTRAINT "selection_items_selection_id_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."selections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "defence_sessions_call_idx" ON "defence_sessions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "expert_conflicts_call_idx" ON "expert_conflicts" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "objections_selection_idx" ON "objections" USING btree ("selection_id");--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_user_id","call_id");--> statement-breakpoint
CREATE INDEX "review_assignments_call_idx" ON "review_assignments" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "projects_call_idx" ON "projects" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "projects_applicant_idx" ON "projects" USING btree ("applicant_organisation_id");--> statement-breakpoint
CREATE INDEX "export_jobs_requester_idx" ON "export_jobs" USING btree ("requested_by","created_at");