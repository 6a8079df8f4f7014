CREATE TABLE `activity_counts` (
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `year`, `goal_id`, `area_id`)
);
--> statement-breakpoint
CREATE TABLE `reference_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `activities_unit_year_goal`;
--> statement-breakpoint
INSERT INTO `activity_counts` (`unit_id`, `year`, `goal_id`, `area_id`, `n`)
	SELECT `unit_id`, `year`, `goal_id`, `area_id`, count(*) FROM `activities` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `activity_counts_insert` AFTER INSERT ON `activities` BEGIN
	INSERT INTO activity_counts (unit_id, year, goal_id, area_id, n) VALUES (new.unit_id, new.year, new.goal_id, new.area_id, 1)
		ON CONFLICT (unit_id, year, goal_id, area_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_counts_delete` AFTER DELETE ON `activities` BEGIN
	UPDATE activity_counts SET n = n - 1 WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id;
	DELETE FROM activity_counts WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_counts_update` AFTER UPDATE OF `unit_id`, `year`, `goal_id`, `area_id` ON `activities`
	WHEN old.unit_id IS NOT new.unit_id OR old.year IS NOT new.year OR old.goal_id IS NOT new.goal_id OR old.area_id IS NOT new.area_id
BEGIN
	UPDATE activity_counts SET n = n - 1 WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id;
	DELETE FROM activity_counts WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id AND n <= 0;
	INSERT INTO activity_counts (unit_id, year, goal_id, area_id, n) VALUES (new.unit_id, new.year, new.goal_id, new.area_id, 1)
		ON CONFLICT (unit_id, year, goal_id, area_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `reference_version` (`id`, `version`) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_frameworks_insert` AFTER INSERT ON `goal_frameworks` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_frameworks_update` AFTER UPDATE ON `goal_frameworks` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_frameworks_delete` AFTER DELETE ON `goal_frameworks` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goals_insert` AFTER INSERT ON `goals` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goals_update` AFTER UPDATE ON `goals` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goals_delete` AFTER DELETE ON `goals` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_name_history_insert` AFTER INSERT ON `goal_name_history` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_name_history_update` AFTER UPDATE ON `goal_name_history` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_goal_name_history_delete` AFTER DELETE ON `goal_name_history` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_areas_insert` AFTER INSERT ON `areas` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_areas_update` AFTER UPDATE ON `areas` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_areas_delete` AFTER DELETE ON `areas` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_activity_types_insert` AFTER INSERT ON `activity_types` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_activity_types_update` AFTER UPDATE ON `activity_types` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_activity_types_delete` AFTER DELETE ON `activity_types` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_assignments_insert` AFTER INSERT ON `assignments` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_assignments_update` AFTER UPDATE ON `assignments` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_assignments_delete` AFTER DELETE ON `assignments` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_municipalities_insert` AFTER INSERT ON `municipalities` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_municipalities_update` AFTER UPDATE ON `municipalities` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_municipalities_delete` AFTER DELETE ON `municipalities` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_staff_insert` AFTER INSERT ON `staff` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_staff_update` AFTER UPDATE ON `staff` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_staff_delete` AFTER DELETE ON `staff` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_plan_items_insert` AFTER INSERT ON `plan_items` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_plan_items_update` AFTER UPDATE ON `plan_items` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `reference_version_plan_items_delete` AFTER DELETE ON `plan_items` BEGIN UPDATE reference_version SET version = version + 1 WHERE id = 1; END;
