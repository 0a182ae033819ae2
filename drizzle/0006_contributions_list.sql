ALTER TABLE `contributions` ADD `household_code` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Registers made before this migration: copy each household head's code (written by hand, not by drizzle-kit).
UPDATE `contributions` SET `household_code` = (SELECT p.`code` FROM `households` h JOIN `persons` p ON p.`id` = h.`head_person_id` WHERE h.`id` = `contributions`.`household_id`);--> statement-breakpoint
CREATE INDEX `contributions_proposed_at` ON `contributions` (`proposed_at`);--> statement-breakpoint
CREATE INDEX `contributions_decided_at` ON `contributions` (`decided_at`);--> statement-breakpoint
CREATE INDEX `contributions_approved` ON `contributions` (`approved_cents`);--> statement-breakpoint
CREATE INDEX `contributions_paid` ON `contributions` (`paid_cents`);--> statement-breakpoint
CREATE INDEX `contributions_household_code` ON `contributions` (`household_code`);