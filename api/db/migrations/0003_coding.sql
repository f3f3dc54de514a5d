ALTER TYPE "public"."coding_origin" ADD VALUE 'adjudicated';--> statement-breakpoint
CREATE TABLE "double_coding" (
	"project_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"coder_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "double_coding_case_id_coder_id_pk" PRIMARY KEY("case_id","coder_id")
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "artefact_code_id" uuid;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD COLUMN "artefact_source" text;--> statement-breakpoint
ALTER TABLE "double_coding" ADD CONSTRAINT "double_coding_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding" ADD CONSTRAINT "double_coding_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding" ADD CONSTRAINT "double_coding_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "double_coding_project" ON "double_coding" USING btree ("project_id","coder_id");--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_artefact_code_id_codes_id_fk" FOREIGN KEY ("artefact_code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;