CREATE TABLE `month_closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`sha256` text NOT NULL,
	`closed_by` integer NOT NULL,
	`closed_at` text NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `month_closures_month_version` ON `month_closures` (`month`,`version`);--> statement-breakpoint
ALTER TABLE `placements` ADD `recorded_at` text;--> statement-breakpoint
ALTER TABLE `placements` ADD `end_recorded_at` text;--> statement-breakpoint
ALTER TABLE `stays` ADD `exit_recorded_at` text;--> statement-breakpoint
-- Written by hand, not by drizzle-kit: closing a month is final, closing again adds a version.
CREATE TRIGGER `month_closures_no_update` BEFORE UPDATE ON `month_closures`
BEGIN SELECT RAISE(ABORT, 'month_closures is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `month_closures_no_delete` BEFORE DELETE ON `month_closures`
BEGIN SELECT RAISE(ABORT, 'month_closures is append-only'); END;
--> statement-breakpoint
-- Registers made before this migration (by hand): when each exit and each placement was recorded is the time of
-- its audit event (every write audits: 'stay.discharge' for a stay; 'placement.create' for a placement; for a
-- placement's end, its latest event naming the field endDate: creation with an end, transfer, close, correction).
-- Rows with no such event (example data written in bulk under one 'demo.generate' event) fall back to the
-- stay's created_at; a placement ending on its stay's exit date falls back to that exit's time first.
UPDATE `stays` SET `exit_recorded_at` = coalesce(
  (SELECT a.`at` FROM `audit_events` a WHERE a.`entity` = 'stay' AND a.`record_id` = CAST(`stays`.`id` AS TEXT) AND a.`action` = 'stay.discharge' ORDER BY a.`id` DESC LIMIT 1),
  `created_at`
) WHERE `exit_date` IS NOT NULL;
--> statement-breakpoint
UPDATE `placements` SET `recorded_at` = coalesce(
  (SELECT a.`at` FROM `audit_events` a WHERE a.`entity` = 'placement' AND a.`record_id` = CAST(`placements`.`id` AS TEXT) AND a.`action` = 'placement.create' ORDER BY a.`id` LIMIT 1),
  (SELECT s.`created_at` FROM `stays` s WHERE s.`id` = `placements`.`stay_id`)
);
--> statement-breakpoint
UPDATE `placements` SET `end_recorded_at` = coalesce(
  (SELECT a.`at` FROM `audit_events` a WHERE a.`entity` = 'placement' AND a.`record_id` = CAST(`placements`.`id` AS TEXT) AND a.`fields` LIKE '%"endDate"%' ORDER BY a.`id` DESC LIMIT 1),
  (SELECT s.`exit_recorded_at` FROM `stays` s WHERE s.`id` = `placements`.`stay_id` AND s.`exit_date` = `placements`.`end_date`),
  (SELECT s.`created_at` FROM `stays` s WHERE s.`id` = `placements`.`stay_id`)
) WHERE `end_date` IS NOT NULL;
