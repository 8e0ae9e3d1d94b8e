CREATE TABLE "call_lists" (
	"call_id" text NOT NULL,
	"list_id" text NOT NULL,
	"rows" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"file_name" text,
	"sha256" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_lists_call_id_list_id_pk" PRIMARY KEY("call_id","list_id")
);
--> statement-breakpoint
CREATE TABLE "call_pack_versions" (
	"call_id" text NOT NULL,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"program" jsonb NOT NULL,
	"forms" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_pack_versions_call_id_version_pk" PRIMARY KEY("call_id","version"),
	CONSTRAINT "call_pack_versions_hash_unique" UNIQUE("call_id","hash")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"year" integer NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_organisation_id" uuid,
	"version" integer NOT NULL,
	"hash" text NOT NULL,
	"program" jsonb NOT NULL,
	"forms" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "call_lists" ADD CONSTRAINT "call_lists_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_pack_versions" ADD CONSTRAINT "call_pack_versions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;