CREATE INDEX `referrals_person` ON `referrals` (`person_id`);--> statement-breakpoint
CREATE INDEX `referrals_household` ON `referrals` (`household_id`);