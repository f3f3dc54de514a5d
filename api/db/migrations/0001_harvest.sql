CREATE TABLE "import_rejections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"row" integer NOT NULL,
	"column" text,
	"reason" text NOT NULL,
	"cells" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "name_digests" (
	"project_id" uuid NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "name_digests_project_id_digest_pk" PRIMARY KEY("project_id","digest")
);
--> statement-breakpoint
CREATE TABLE "pseudonym_map" (
	"project_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"kind" text NOT NULL,
	"ciphertext" text NOT NULL,
	CONSTRAINT "pseudonym_map_project_id_pseudonym_pk" PRIMARY KEY("project_id","pseudonym")
);
--> statement-breakpoint
CREATE TABLE "workbench_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "target_group" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejections" ADD CONSTRAINT "import_rejections_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_digests" ADD CONSTRAINT "name_digests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pseudonym_map" ADD CONSTRAINT "pseudonym_map_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_rejections_batch" ON "import_rejections" USING btree ("batch_id","line");