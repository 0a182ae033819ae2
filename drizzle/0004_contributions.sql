CREATE TABLE `budget_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`type` text NOT NULL,
	`partner_id` integer,
	`amount_cents` integer NOT NULL,
	`note` text,
	`user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_entries_year` ON `budget_entries` (`year`,`type`,`partner_id`);--> statement-breakpoint
CREATE TABLE `contribution_contracts` (
	`contribution_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`landlord` text,
	`address` text,
	`start_date` text,
	`monthly_rent_cents` integer,
	`duration_months` integer,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `contribution_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer,
	`date` text NOT NULL,
	`motivation` text,
	`remaining_cents` integer,
	`override` integer DEFAULT false NOT NULL,
	`override_reason` text,
	`user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_decisions_contribution` ON `contribution_decisions` (`contribution_id`);--> statement-breakpoint
CREATE INDEX `contribution_decisions_override` ON `contribution_decisions` (`override`,`date`);--> statement-breakpoint
CREATE TABLE `contribution_instalments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_instalments_contribution` ON `contribution_instalments` (`contribution_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `contribution_payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contribution_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`receipt_reference` text,
	`user_id` integer,
	`recorded_at` text NOT NULL,
	`cancelled_at` text,
	`cancel_reason` text,
	`cancelled_by` integer,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_payments_contribution` ON `contribution_payments` (`contribution_id`,`date`);--> statement-breakpoint
CREATE INDEX `contribution_payments_date` ON `contribution_payments` (`date`);--> statement-breakpoint
CREATE TABLE `contribution_rule_tables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`rules` text NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contribution_rule_tables_type` ON `contribution_rule_tables` (`type`,`id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`household_id` integer NOT NULL,
	`partner_id` integer,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`year` integer NOT NULL,
	`proposed_cents` integer NOT NULL,
	`approved_cents` integer,
	`paid_cents` integer DEFAULT 0 NOT NULL,
	`proposed_at` text NOT NULL,
	`decided_at` text,
	`household_size` integer NOT NULL,
	`monthly_income_cents` integer NOT NULL,
	`isee_cents` integer,
	`housing_situation` text NOT NULL,
	`emergency_level` text NOT NULL,
	`assessment_notes` text,
	`assessed_at` text NOT NULL,
	`suggested_cents` integer,
	`suggestion` text NOT NULL,
	`rule_table_id` integer,
	`paper_references` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contributions_reference_unique` ON `contributions` (`reference`);--> statement-breakpoint
CREATE INDEX `contributions_year` ON `contributions` (`year`,`type`,`status`);--> statement-breakpoint
CREATE INDEX `contributions_household` ON `contributions` (`household_id`);--> statement-breakpoint
CREATE INDEX `contributions_status` ON `contributions` (`status`,`proposed_at`);