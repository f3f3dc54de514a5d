CREATE TABLE "change_ideas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"development_point_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"finding_key" text,
	"rater" text,
	"code_id" uuid,
	"coding_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "decision_evidence_one_target" CHECK (num_nonnulls("decision_evidence"."finding_key", "decision_evidence"."code_id", "decision_evidence"."coding_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rationale" text NOT NULL,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"status" text NOT NULL,
	"indicator" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"decision_id" uuid,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"goal_due" date NOT NULL,
	"signs" text NOT NULL,
	"indicator" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" jsonb NOT NULL,
	"decisions" text DEFAULT '' NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trial_circles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"trial_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"hypothesis" text NOT NULL,
	"who" text NOT NULL,
	"what" text NOT NULL,
	"place" text NOT NULL,
	"timing" text NOT NULL,
	"follow_up" text NOT NULL,
	"data_collected" text,
	"reflection" text,
	"adjustment" text,
	"adjustment_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"development_point_id" uuid NOT NULL,
	"change_idea_id" uuid,
	"title" text NOT NULL,
	"board_column" text DEFAULT 'idea' NOT NULL,
	"scale_stage" text DEFAULT 'one_citizen' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_ideas" ADD CONSTRAINT "change_ideas_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_ideas" ADD CONSTRAINT "change_ideas_development_point_id_development_points_id_fk" FOREIGN KEY ("development_point_id") REFERENCES "public"."development_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_evidence" ADD CONSTRAINT "decision_evidence_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_evidence" ADD CONSTRAINT "decision_evidence_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_evidence" ADD CONSTRAINT "decision_evidence_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_evidence" ADD CONSTRAINT "decision_evidence_coding_id_codings_id_fk" FOREIGN KEY ("coding_id") REFERENCES "public"."codings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_points" ADD CONSTRAINT "development_points_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_points" ADD CONSTRAINT "development_points_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_points" ADD CONSTRAINT "development_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_meetings" ADD CONSTRAINT "progress_meetings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_meetings" ADD CONSTRAINT "progress_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_circles" ADD CONSTRAINT "trial_circles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_circles" ADD CONSTRAINT "trial_circles_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_development_point_id_development_points_id_fk" FOREIGN KEY ("development_point_id") REFERENCES "public"."development_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_change_idea_id_change_ideas_id_fk" FOREIGN KEY ("change_idea_id") REFERENCES "public"."change_ideas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_ideas_point" ON "change_ideas" USING btree ("development_point_id");--> statement-breakpoint
CREATE INDEX "decision_evidence_decision" ON "decision_evidence" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_project" ON "decisions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "development_points_project" ON "development_points" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "progress_meetings_project" ON "progress_meetings" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trial_circles_number" ON "trial_circles" USING btree ("trial_id","number");--> statement-breakpoint
CREATE INDEX "trials_project" ON "trials" USING btree ("project_id");