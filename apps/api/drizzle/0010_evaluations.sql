CREATE TABLE `evaluation_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`answered_on` text NOT NULL,
	`rating` integer,
	`useful` text,
	`affects` text,
	`municipality_id` integer,
	`workplace` text,
	`target_group` text,
	`comment` text,
	`device_hash` text,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipalities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evaluation_answers_evaluation` ON `evaluation_answers` (`evaluation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_answers_device` ON `evaluation_answers` (`evaluation_id`,`device_hash`);--> statement-breakpoint
CREATE TABLE `evaluation_wordings` (
	`unit_id` integer NOT NULL,
	`question_key` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`unit_id`, `question_key`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`activity_id` integer NOT NULL,
	`public_token` text NOT NULL,
	`registered` integer,
	`attending` integer,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`questions` text NOT NULL,
	`source` text DEFAULT 'answers' NOT NULL,
	`aggregate` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_token` ON `evaluations` (`public_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_activity` ON `evaluations` (`activity_id`);--> statement-breakpoint
CREATE INDEX `evaluations_unit` ON `evaluations` (`unit_id`);--> statement-breakpoint
-- Answers are never edited: only removed (by the chief, audited). Hand-written, like the triggers of 0004.
CREATE TRIGGER `evaluation_answers_no_update` BEFORE UPDATE ON `evaluation_answers` BEGIN SELECT RAISE(ABORT, 'evaluation answers are immutable'); END;
