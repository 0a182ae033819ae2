CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`given_at` text NOT NULL,
	`text_version` text NOT NULL,
	`scope` text NOT NULL,
	`withdrawn_at` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_person` ON `consents` (`person_id`);--> statement-breakpoint
CREATE TABLE `date_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`record_id` integer NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`reason` text NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `date_corrections_record` ON `date_corrections` (`entity`,`record_id`);--> statement-breakpoint
CREATE TABLE `household_members` (
	`household_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`relationship` text NOT NULL,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `household_members_person_id_unique` ON `household_members` (`person_id`);--> statement-breakpoint
CREATE INDEX `household_members_household` ON `household_members` (`household_id`);--> statement-breakpoint
CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`head_person_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`head_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `name_reveals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `name_reveals_person` ON `name_reveals` (`person_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_name_unique` ON `partners` (`name`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`display_name` text NOT NULL,
	`given_names` text,
	`family_names` text,
	`gender` text NOT NULL,
	`birth_date` text,
	`birth_year` integer,
	`nationality` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`permit_type` text,
	`permit_number` text,
	`permit_expiry` text,
	`fiscal_code` text,
	`referral_source` text,
	`vulnerabilities` text DEFAULT '[]' NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`notes` text,
	`search_text` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_code_unique` ON `persons` (`code`);--> statement-breakpoint
CREATE INDEX `persons_fiscal_code` ON `persons` (`fiscal_code`);--> statement-breakpoint
CREATE INDEX `persons_name_key` ON `persons` (`name_key`,`birth_date`);--> statement-breakpoint
CREATE TABLE `place_out_of_service` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`place_id` integer NOT NULL,
	`reason` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `place_oos_place` ON `place_out_of_service` (`place_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`place_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_place` ON `placements` (`place_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_person` ON `placements` (`person_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_stay` ON `placements` (`stay_id`);--> statement-breakpoint
CREATE INDEX `placements_dates` ON `placements` (`start_date`,`end_date`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` integer NOT NULL,
	`label` text NOT NULL,
	`kind` text DEFAULT 'bed' NOT NULL,
	`active_from` text NOT NULL,
	`active_to` text,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `places_room` ON `places` (`room_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` text NOT NULL,
	`source` text NOT NULL,
	`people` integer NOT NULL,
	`children_ages` text DEFAULT '[]' NOT NULL,
	`women_only` integer DEFAULT false NOT NULL,
	`accessibility` integer DEFAULT false NOT NULL,
	`lgbt_safe` integer DEFAULT false NOT NULL,
	`language` text,
	`urgency` text DEFAULT 'normal' NOT NULL,
	`notes` text,
	`household_id` integer,
	`person_id` integer,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`outcome_at` text,
	`decline_reason` text,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referrals_outcome` ON `referrals` (`outcome`,`received_at`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`structure_id` integer NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`structure_id`) REFERENCES `structures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rooms_structure` ON `rooms` (`structure_id`);--> statement-breakpoint
CREATE TABLE `stay_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stay_id` integer NOT NULL,
	`previous_planned_end` text,
	`new_planned_end` text NOT NULL,
	`granted_by` text NOT NULL,
	`granted_at` text NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stay_extensions_stay` ON `stay_extensions` (`stay_id`);--> statement-breakpoint
CREATE TABLE `stays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`household_id` integer,
	`referral_id` integer,
	`entry_date` text NOT NULL,
	`exit_date` text,
	`planned_end` text,
	`exit_reason` text,
	`destination` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stays_person` ON `stays` (`person_id`,`entry_date`);--> statement-breakpoint
CREATE INDEX `stays_dates` ON `stays` (`entry_date`,`exit_date`);--> statement-breakpoint
CREATE TABLE `structures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partner_id` integer NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`address` text,
	`women_only` integer DEFAULT false NOT NULL,
	`children_allowed` integer DEFAULT true NOT NULL,
	`accessible` integer DEFAULT false NOT NULL,
	`lgbt_safe` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `structures_partner` ON `structures` (`partner_id`);