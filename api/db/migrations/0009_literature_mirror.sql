CREATE TABLE "literature_effect_sizes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"factor" text NOT NULL,
	"type" text NOT NULL,
	"value" double precision NOT NULL,
	"n" integer NOT NULL,
	"n1" integer,
	"n2" integer,
	"ci_lower" double precision,
	"ci_upper" double precision,
	"label" text,
	"r" double precision NOT NULL,
	"z" double precision NOT NULL,
	"variance_z" double precision NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "literature_screening_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"screener_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "literature_screening_resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"method" text NOT NULL,
	"resolved_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "literature_studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"design" text,
	"population" text,
	"country" text,
	"intervention" text,
	"outcome_measure" text,
	"factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "literature_study_codes" (
	"study_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	CONSTRAINT "literature_study_codes_study_id_code_id_pk" PRIMARY KEY("study_id","code_id")
);
--> statement-breakpoint
ALTER TABLE "literature_effect_sizes" ADD CONSTRAINT "literature_effect_sizes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_effect_sizes" ADD CONSTRAINT "literature_effect_sizes_study_id_literature_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."literature_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_effect_sizes" ADD CONSTRAINT "literature_effect_sizes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_decisions" ADD CONSTRAINT "literature_screening_decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_decisions" ADD CONSTRAINT "literature_screening_decisions_reference_id_literature_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."literature_references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_decisions" ADD CONSTRAINT "literature_screening_decisions_screener_id_users_id_fk" FOREIGN KEY ("screener_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_resolutions" ADD CONSTRAINT "literature_screening_resolutions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_resolutions" ADD CONSTRAINT "literature_screening_resolutions_reference_id_literature_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."literature_references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_screening_resolutions" ADD CONSTRAINT "literature_screening_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_studies" ADD CONSTRAINT "literature_studies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_studies" ADD CONSTRAINT "literature_studies_reference_id_literature_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."literature_references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_studies" ADD CONSTRAINT "literature_studies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_study_codes" ADD CONSTRAINT "literature_study_codes_study_id_literature_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."literature_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "literature_study_codes" ADD CONSTRAINT "literature_study_codes_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "literature_effect_sizes_study" ON "literature_effect_sizes" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "literature_effect_sizes_factor" ON "literature_effect_sizes" USING btree ("project_id","factor");--> statement-breakpoint
CREATE UNIQUE INDEX "literature_screening_once" ON "literature_screening_decisions" USING btree ("reference_id","stage","screener_id");--> statement-breakpoint
CREATE INDEX "literature_screening_project" ON "literature_screening_decisions" USING btree ("project_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "literature_resolution_once" ON "literature_screening_resolutions" USING btree ("reference_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "literature_studies_reference" ON "literature_studies" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "literature_studies_project" ON "literature_studies" USING btree ("project_id");