CREATE TABLE `activity_municipality_counts` (
	`unit_id` integer NOT NULL,
	`year` integer NOT NULL,
	`goal_id` integer NOT NULL,
	`area_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`unit_id`, `year`, `goal_id`, `area_id`, `municipality_id`)
);
--> statement-breakpoint
INSERT INTO `activity_municipality_counts` (unit_id, year, goal_id, area_id, municipality_id, n)
	SELECT a.unit_id, a.year, a.goal_id, a.area_id, m.municipality_id, count(*)
	FROM activity_municipalities m JOIN activities a ON a.id = m.activity_id GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE TRIGGER `activity_municipality_counts_insert` AFTER INSERT ON `activity_municipalities` BEGIN
	INSERT INTO activity_municipality_counts (unit_id, year, goal_id, area_id, municipality_id, n)
		SELECT a.unit_id, a.year, a.goal_id, a.area_id, new.municipality_id, 1 FROM activities a WHERE a.id = new.activity_id
		ON CONFLICT (unit_id, year, goal_id, area_id, municipality_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_municipality_counts_delete` AFTER DELETE ON `activity_municipalities` BEGIN
	UPDATE activity_municipality_counts SET n = n - 1
		WHERE municipality_id = old.municipality_id
		AND (unit_id, year, goal_id, area_id) = (SELECT unit_id, year, goal_id, area_id FROM activities WHERE id = old.activity_id);
	DELETE FROM activity_municipality_counts WHERE municipality_id = old.municipality_id AND n <= 0
		AND (unit_id, year, goal_id, area_id) = (SELECT unit_id, year, goal_id, area_id FROM activities WHERE id = old.activity_id);
END;
--> statement-breakpoint
CREATE TRIGGER `activity_municipality_counts_update` AFTER UPDATE ON `activity_municipalities` BEGIN
	UPDATE activity_municipality_counts SET n = n - 1
		WHERE municipality_id = old.municipality_id
		AND (unit_id, year, goal_id, area_id) = (SELECT unit_id, year, goal_id, area_id FROM activities WHERE id = old.activity_id);
	DELETE FROM activity_municipality_counts WHERE municipality_id = old.municipality_id AND n <= 0
		AND (unit_id, year, goal_id, area_id) = (SELECT unit_id, year, goal_id, area_id FROM activities WHERE id = old.activity_id);
	INSERT INTO activity_municipality_counts (unit_id, year, goal_id, area_id, municipality_id, n)
		SELECT a.unit_id, a.year, a.goal_id, a.area_id, new.municipality_id, 1 FROM activities a WHERE a.id = new.activity_id
		ON CONFLICT (unit_id, year, goal_id, area_id, municipality_id) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_municipality_counts_activity_delete` BEFORE DELETE ON `activities` BEGIN
	DELETE FROM activity_municipalities WHERE activity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `activity_municipality_counts_activity_update` AFTER UPDATE OF `unit_id`, `year`, `goal_id`, `area_id` ON `activities`
	WHEN old.unit_id IS NOT new.unit_id OR old.year IS NOT new.year OR old.goal_id IS NOT new.goal_id OR old.area_id IS NOT new.area_id
BEGIN
	UPDATE activity_municipality_counts SET n = n - 1
		WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id
		AND municipality_id IN (SELECT municipality_id FROM activity_municipalities WHERE activity_id = new.id);
	DELETE FROM activity_municipality_counts
		WHERE unit_id = old.unit_id AND year = old.year AND goal_id = old.goal_id AND area_id = old.area_id AND n <= 0;
	INSERT INTO activity_municipality_counts (unit_id, year, goal_id, area_id, municipality_id, n)
		SELECT new.unit_id, new.year, new.goal_id, new.area_id, municipality_id, 1 FROM activity_municipalities WHERE activity_id = new.id
		ON CONFLICT (unit_id, year, goal_id, area_id, municipality_id) DO UPDATE SET n = n + 1;
END;
