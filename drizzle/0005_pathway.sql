CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`stay_id` integer,
	`date` text NOT NULL,
	`body` text NOT NULL,
	`author_id` integer,
	`confidential` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_person` ON `case_notes` (`person_id`,`date`);--> statement-breakpoint
CREATE TABLE `host_vettings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`vetted_on` text NOT NULL,
	`outcome` text NOT NULL,
	`vetted_by` text NOT NULL,
	`renewal_due` text,
	`notes` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `host_vettings_structure` ON `host_vettings` (`structure_id`,`vetted_on`);--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`stay_id` integer NOT NULL,
	`structure_id` integer,
	`date` text NOT NULL,
	`area` text NOT NULL,
	`type` text NOT NULL,
	`staff_user_id` integer,
	`provider` text,
	`minutes` integer NOT NULL,
	`goal_id` integer,
	`outcome` text,
	`group_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `plan_goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interventions_date` ON `interventions` (`date`,`structure_id`);--> statement-breakpoint
CREATE INDEX `interventions_person` ON `interventions` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `interventions_group` ON `interventions` (`group_id`);--> statement-breakpoint
CREATE TABLE `placement_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`signed_on` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`conditions` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_agreements_structure` ON `placement_agreements` (`structure_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placement_agreements_person` ON `placement_agreements` (`person_id`);--> statement-breakpoint
CREATE TABLE `plan_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`area` text NOT NULL,
	`description` text NOT NULL,
	`target_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`status_date` text,
	`drop_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_goals_plan` ON `plan_goals` (`plan_id`);--> statement-breakpoint
CREATE INDEX `plan_goals_status` ON `plan_goals` (`status`,`target_date`);--> statement-breakpoint
CREATE INDEX `plan_goals_reached` ON `plan_goals` (`status`,`status_date`);--> statement-breakpoint
CREATE TABLE `plan_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`reviewed_on` text NOT NULL,
	`user_id` integer NOT NULL,
	`goals` text DEFAULT '[]' NOT NULL,
	`summary` text,
	`next_review` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_reviews_plan` ON `plan_reviews` (`plan_id`,`reviewed_on`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`agreed_on` text NOT NULL,
	`review_due` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_stay` ON `plans` (`stay_id`);--> statement-breakpoint
CREATE INDEX `plans_person` ON `plans` (`person_id`);--> statement-breakpoint
CREATE INDEX `plans_review_due` ON `plans` (`review_due`);--> statement-breakpoint
CREATE TABLE `staff_structures` (
	`user_id` integer NOT NULL,
	`structure_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `structure_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_structures_structure` ON `staff_structures` (`structure_id`);