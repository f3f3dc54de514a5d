CREATE TABLE "literature_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"batch_id" uuid,
	"source_line" integer NOT NULL,
	"type" text NOT NULL,
	"title" text,
	"abstract" text,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"year" integer,
	"journal" text,
	"volume" text,
	"issue" text,
	"pages" text,
	"doi" text,
	"pmid" text,
	"url" text,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language" text,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "literature_references" ADD CONSTRAINT "literature_references_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_references" ADD CONSTRAINT "literature_references_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "literature_references_doi" ON "literature_references" USING btree ("project_id","doi") WHERE "literature_references"."doi" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "literature_references_pmid" ON "literature_references" USING btree ("project_id","pmid") WHERE "literature_references"."pmid" is not null;--> statement-breakpoint
CREATE INDEX "literature_references_dedupe" ON "literature_references" USING btree ("project_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "literature_references_batch" ON "literature_references" USING btree ("batch_id");