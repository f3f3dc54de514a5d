ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_project_id_projects_id_fk";
--> statement-breakpoint
ALTER TABLE "journal_entries" DROP CONSTRAINT "journal_entries_batch_id_import_batches_id_fk";
