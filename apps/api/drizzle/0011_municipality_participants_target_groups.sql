CREATE TABLE `activity_target_groups` (
	`activity_id` integer NOT NULL,
	`target_group_id` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `target_group_id`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_group_id`) REFERENCES `target_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_target_groups_group` ON `activity_target_groups` (`target_group_id`,`activity_id`);--> statement-breakpoint
CREATE TABLE `target_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`key` text,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_groups_unit_key` ON `target_groups` (`unit_id`,`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `target_groups_unit_name` ON `target_groups` (`unit_id`,`name`);--> statement-breakpoint
ALTER TABLE `activities` ADD `no_owner_municipality` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_municipalities` ADD `participants` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `municipality_id` integer REFERENCES municipalities(id);--> statement-breakpoint
-- Target groups are read with the activity lookups, which the API caches per unit until the unit's counter moves (0008).
CREATE TRIGGER `unit_reference_version_target_groups_insert` AFTER INSERT ON `target_groups` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_target_groups_update` AFTER UPDATE ON `target_groups` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_target_groups_delete` AFTER DELETE ON `target_groups` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;
--> statement-breakpoint
-- Every existing unit gets the standard target groups (@fou/domain STANDARD_TARGET_GROUPS, same keys and names); new units get them from the seeder.
INSERT INTO `target_groups` (`unit_id`, `key`, `name`, `sort_order`) SELECT `units`.`id`, `column1`, `column2`, `column3` FROM `units`, (VALUES ('ledning', 'Socialchefer och ledning', 1), ('enhetschefer', 'Enhetschefer', 2), ('medarbetare', 'Handläggare och medarbetare', 3), ('politiker', 'Politiker', 4), ('brukare', 'Brukare och anhöriga', 5), ('forskare', 'Forskare', 6), ('fou', 'Andra FoU-enheter', 7));
