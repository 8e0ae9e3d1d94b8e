CREATE TABLE "acceptance_reviews" (
	"acceptance_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" numeric(8, 2),
	"recommendation" text,
	"opinion" text,
	"conflict_declared" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "acceptance_reviews_acceptance_id_expert_user_id_pk" PRIMARY KEY("acceptance_id","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"status" text NOT NULL,
	"report" jsonb NOT NULL,
	"performance_report" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ledger_snapshot" jsonb NOT NULL,
	"actual_investment_wan" numeric(14, 2) NOT NULL,
	"sha256" text NOT NULL,
	"submissions" integer DEFAULT 1 NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"pre_decision" text,
	"pre_opinion" text,
	"pre_by" uuid,
	"pre_at" timestamp with time zone,
	"panel_expert_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"panel_formed_by" uuid,
	"panel_formed_at" timestamp with time zone,
	"meeting_at" timestamp with time zone,
	"decision" text,
	"opinion" text,
	"accepted_investment_wan" numeric(14, 2),
	"replicable_model" boolean,
	"rectification_deadline" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "acceptances_round_unique" UNIQUE("project_id","round")
);
--> statement-breakpoint
CREATE TABLE "ledger_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"category" text NOT NULL,
	"item" text NOT NULL,
	"supplier" text,
	"contract" text,
	"contract_amount_wan" numeric(14, 2),
	"invoice_no" text,
	"invoice_amount_wan" numeric(14, 2),
	"invoice_date" date,
	"payment_voucher_no" text,
	"payment_amount_wan" numeric(14, 2),
	"maker" text,
	"quantity" numeric(14, 2),
	"unit_price_wan" numeric(16, 4),
	"amount_wan" numeric(14, 2) NOT NULL,
	"files" jsonb NOT NULL,
	"invoice_key" text,
	"supplier_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_bans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sanction_id" uuid,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_agreements" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"agreement_no" text NOT NULL,
	"document" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"effective_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"name" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_organisation_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sha256" text NOT NULL,
	"status" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"opinion" text,
	CONSTRAINT "project_plans_seq_unique" UNIQUE("project_id","seq")
);
--> statement-breakpoint
CREATE TABLE "project_reminders" (
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_reminders_project_id_key_pk" PRIMARY KEY("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"due_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"late" boolean NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_reports_quarter_unique" UNIQUE("project_id","year","quarter")
);
--> statement-breakpoint
CREATE TABLE "project_sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"ground" text NOT NULL,
	"findings" text NOT NULL,
	"document_number" text,
	"title_revoked" boolean NOT NULL,
	"recover_wan" numeric(14, 2) NOT NULL,
	"ban_ends_at" timestamp with time zone,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_signatures" (
	"project_id" uuid NOT NULL,
	"party" text NOT NULL,
	"sha256" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_signatures_project_id_party_sha256_pk" PRIMARY KEY("project_id","party","sha256")
);
--> statement-breakpoint
CREATE TABLE "subsidy_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"tranche" integer,
	"amount_wan" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"voucher_no" text NOT NULL,
	"note" text,
	"payer_organisation_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "title_granted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "title_revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "accepted_investment_wan" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "rectification_deadline" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "acceptance_reviews" ADD CONSTRAINT "acceptance_reviews_acceptance_id_acceptances_id_fk" FOREIGN KEY ("acceptance_id") REFERENCES "public"."acceptances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acceptances" ADD CONSTRAINT "acceptances_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_items" ADD CONSTRAINT "ledger_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_bans" ADD CONSTRAINT "organisation_bans_sanction_id_project_sanctions_id_fk" FOREIGN KEY ("sanction_id") REFERENCES "public"."project_sanctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_agreements" ADD CONSTRAINT "project_agreements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_events" ADD CONSTRAINT "project_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_files" ADD CONSTRAINT "project_files_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_plans" ADD CONSTRAINT "project_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reminders" ADD CONSTRAINT "project_reminders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sanctions" ADD CONSTRAINT "project_sanctions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_signatures" ADD CONSTRAINT "project_signatures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_payments" ADD CONSTRAINT "subsidy_payments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_items_project_idx" ON "ledger_items" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "ledger_items_invoice_idx" ON "ledger_items" USING btree ("invoice_key","supplier_key");--> statement-breakpoint
CREATE INDEX "organisation_bans_organisation_idx" ON "organisation_bans" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_files_project_idx" ON "project_files" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "subsidy_payments_project_idx" ON "subsidy_payments" USING btree ("project_id");