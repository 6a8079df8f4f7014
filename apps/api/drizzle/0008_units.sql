-- Several units in one install (issue 14). Users of the install itself (roles installation, region) belong to
-- no unit, so users.unit_id becomes nullable: SQLite rebuilds the table. db/client.ts runs migrations with
-- foreign keys off and checks them afterwards, as SQLite's procedure for table rebuilds asks.
-- The reference version counter becomes one per unit: a change to one unit's registers leaves the other units'
-- cached copies valid. An existing install's rows all belong to its one unit already and stay as they are.
CREATE TABLE `unit_reference_versions` (
	`unit_id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`staff_id` integer,
	`county` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`last_login_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "unit_id", "username", "display_name", "password_hash", "role", "staff_id", "county", "must_change_password", "active", "last_login_at", "created_at", "updated_at") SELECT "id", "unit_id", "username", "display_name", "password_hash", "role", "staff_id", NULL, "must_change_password", "active", "last_login_at", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_unit` ON `users` (`unit_id`);--> statement-breakpoint
ALTER TABLE `units` ADD `short_name` text;--> statement-breakpoint
ALTER TABLE `units` ADD `county` text;--> statement-breakpoint
ALTER TABLE `units` ADD `shares_comparison` integer DEFAULT false NOT NULL;--> statement-breakpoint
INSERT INTO `unit_reference_versions` (`unit_id`, `version`) SELECT `id`, 1 FROM `units`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_frameworks_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_frameworks_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_frameworks_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_areas_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_areas_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_areas_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_activity_types_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_activity_types_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_activity_types_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_assignments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_assignments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_assignments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_municipalities_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_municipalities_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_municipalities_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_staff_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_staff_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_staff_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_plan_items_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_plan_items_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_plan_items_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goals_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goals_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goals_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_name_history_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_name_history_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `reference_version_goal_name_history_delete`;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_frameworks_insert` AFTER INSERT ON `goal_frameworks` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_frameworks_update` AFTER UPDATE ON `goal_frameworks` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_frameworks_delete` AFTER DELETE ON `goal_frameworks` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_areas_insert` AFTER INSERT ON `areas` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_areas_update` AFTER UPDATE ON `areas` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_areas_delete` AFTER DELETE ON `areas` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_activity_types_insert` AFTER INSERT ON `activity_types` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_activity_types_update` AFTER UPDATE ON `activity_types` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_activity_types_delete` AFTER DELETE ON `activity_types` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_assignments_insert` AFTER INSERT ON `assignments` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_assignments_update` AFTER UPDATE ON `assignments` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_assignments_delete` AFTER DELETE ON `assignments` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_municipalities_insert` AFTER INSERT ON `municipalities` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_municipalities_update` AFTER UPDATE ON `municipalities` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_municipalities_delete` AFTER DELETE ON `municipalities` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_staff_insert` AFTER INSERT ON `staff` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_staff_update` AFTER UPDATE ON `staff` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_staff_delete` AFTER DELETE ON `staff` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_plan_items_insert` AFTER INSERT ON `plan_items` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_plan_items_update` AFTER UPDATE ON `plan_items` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT NEW.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE OLD.unit_id IS NOT NEW.unit_id ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_plan_items_delete` AFTER DELETE ON `plan_items` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT OLD.unit_id, 1 WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goals_insert` AFTER INSERT ON `goals` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT unit_id FROM goal_frameworks WHERE id = NEW.framework_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goals_update` AFTER UPDATE ON `goals` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT unit_id FROM goal_frameworks WHERE id = NEW.framework_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT unit_id FROM goal_frameworks WHERE id = OLD.framework_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goals_delete` AFTER DELETE ON `goals` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT unit_id FROM goal_frameworks WHERE id = OLD.framework_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_name_history_insert` AFTER INSERT ON `goal_name_history` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT f.unit_id FROM goals g JOIN goal_frameworks f ON f.id = g.framework_id WHERE g.id = NEW.goal_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_name_history_update` AFTER UPDATE ON `goal_name_history` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT f.unit_id FROM goals g JOIN goal_frameworks f ON f.id = g.framework_id WHERE g.id = NEW.goal_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT f.unit_id FROM goals g JOIN goal_frameworks f ON f.id = g.framework_id WHERE g.id = OLD.goal_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;--> statement-breakpoint
CREATE TRIGGER `unit_reference_version_goal_name_history_delete` AFTER DELETE ON `goal_name_history` BEGIN INSERT INTO unit_reference_versions (unit_id, version) SELECT unit_id, 1 FROM (SELECT f.unit_id FROM goals g JOIN goal_frameworks f ON f.id = g.framework_id WHERE g.id = OLD.goal_id) WHERE true ON CONFLICT (unit_id) DO UPDATE SET version = version + 1; END;
