CREATE TYPE "public"."routine_flow_status" AS ENUM('working', 'duplicated', 'broken', 'conflicting');--> statement-breakpoint
CREATE TYPE "public"."routine_node_kind" AS ENUM('actor', 'system', 'artefact');--> statement-breakpoint
CREATE TYPE "public"."routine_side" AS ENUM('authority', 'provider');--> statement-breakpoint
CREATE TABLE "interview_codings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"coder_id" uuid NOT NULL,
	"memo" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_codings_span" CHECK ("interview_codings"."start_offset" >= 0 and "interview_codings"."end_offset" > "interview_codings"."start_offset")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"interviewee_role" text NOT NULL,
	"unit" text NOT NULL,
	"interview_date" date NOT NULL,
	"text" text NOT NULL,
	"sha256" text NOT NULL,
	"identifiers_replaced" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_flow_passages" (
	"flow_id" uuid NOT NULL,
	"interview_coding_id" uuid NOT NULL,
	CONSTRAINT "routine_flow_passages_flow_id_interview_coding_id_pk" PRIMARY KEY("flow_id","interview_coding_id")
);
--> statement-breakpoint
CREATE TABLE "routine_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"from_node_id" uuid NOT NULL,
	"to_node_id" uuid NOT NULL,
	"artefact_code_id" uuid,
	"system_node_id" uuid,
	"frequency" text,
	"status" "routine_flow_status" DEFAULT 'working' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routine_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "routine_node_kind" NOT NULL,
	"label" text NOT NULL,
	"role" text,
	"unit" text,
	"side" "routine_side",
	"system_kind" text,
	"artefact_code_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_codings" ADD CONSTRAINT "interview_codings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_codings" ADD CONSTRAINT "interview_codings_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_codings" ADD CONSTRAINT "interview_codings_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_codings" ADD CONSTRAINT "interview_codings_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flow_passages" ADD CONSTRAINT "routine_flow_passages_flow_id_routine_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."routine_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flow_passages" ADD CONSTRAINT "routine_flow_passages_interview_coding_id_interview_codings_id_fk" FOREIGN KEY ("interview_coding_id") REFERENCES "public"."interview_codings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flows" ADD CONSTRAINT "routine_flows_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flows" ADD CONSTRAINT "routine_flows_from_node_id_routine_nodes_id_fk" FOREIGN KEY ("from_node_id") REFERENCES "public"."routine_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flows" ADD CONSTRAINT "routine_flows_to_node_id_routine_nodes_id_fk" FOREIGN KEY ("to_node_id") REFERENCES "public"."routine_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flows" ADD CONSTRAINT "routine_flows_artefact_code_id_codes_id_fk" FOREIGN KEY ("artefact_code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_flows" ADD CONSTRAINT "routine_flows_system_node_id_routine_nodes_id_fk" FOREIGN KEY ("system_node_id") REFERENCES "public"."routine_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_nodes" ADD CONSTRAINT "routine_nodes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routine_nodes" ADD CONSTRAINT "routine_nodes_artefact_code_id_codes_id_fk" FOREIGN KEY ("artefact_code_id") REFERENCES "public"."codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_codings_interview" ON "interview_codings" USING btree ("interview_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interviews_text" ON "interviews" USING btree ("project_id","sha256");--> statement-breakpoint
CREATE INDEX "routine_flows_project" ON "routine_flows" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "routine_nodes_project" ON "routine_nodes" USING btree ("project_id");