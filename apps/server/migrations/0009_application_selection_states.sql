-- The owner's policy check and selection add states: 初审通过 (admitted), 政策性审查未通过 (excluded), 已入选 (selected), 未入选 (not_selected).
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
--> statement-breakpoint
ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN ('draft','submitted','returned','withdrawn','passed','rejected','recommended','admitted','excluded','selected','not_selected'));
