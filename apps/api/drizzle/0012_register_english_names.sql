ALTER TABLE `activity_types` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `areas` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `goal_frameworks` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `goals` ADD `name_en` text;--> statement-breakpoint
ALTER TABLE `target_groups` ADD `name_en` text;--> statement-breakpoint
-- The standard registers every unit was seeded with get their English names where the Swedish name is still the seeded one.
UPDATE `areas` SET `name_en` = 'All of individual and family care' WHERE `code` = 'ifo' AND `name` = 'Berör hela IFO';
--> statement-breakpoint
UPDATE `areas` SET `name_en` = 'Children, young people and families' WHERE `code` = 'bou' AND `name` = 'Barn, unga och familj';
--> statement-breakpoint
UPDATE `areas` SET `name_en` = 'Adults' WHERE `code` = 'vuxen' AND `name` = 'Vuxen';
--> statement-breakpoint
UPDATE `areas` SET `name_en` = 'Financial assistance and employment' WHERE `code` = 'ekb' AND `name` = 'Ekonomiskt bistånd och arbetsmarknad';
--> statement-breakpoint
UPDATE `areas` SET `name_en` = 'Substance misuse' WHERE `code` = 'missbruk' AND `name` = 'Missbruk';
--> statement-breakpoint
UPDATE `areas` SET `name_en` = 'Social psychiatry' WHERE `code` = 'socpsyk' AND `name` = 'Socialpsykiatri';
--> statement-breakpoint
UPDATE `goal_frameworks` SET `name_en` = 'Result goals of the 2018 operational plan (programme logic)' WHERE `code` = 'vp2018' AND `name` = 'Resultatmål enligt verksamhetsplan 2018 (programlogik)';
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Support in using and developing knowledge' WHERE `key` = 'kunskapsutveckling' AND `name` = 'Stöd i arbetet med kunskapsanvändning och kunskapsutveckling' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2018');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Support for systematic development of methods and quality' WHERE `key` = 'metodstod' AND `name` = 'Stöd för systematisk metod- och kvalitetsutveckling' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2018');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Support for spreading knowledge' WHERE `key` = 'spridning' AND `name` = 'Stöd till kunskapsspridning' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2018');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Support in increasing collaboration between practice and academia' WHERE `key` = 'samverkan' AND `name` = 'Stöd i arbetet med att öka samverkan mellan praktik och akademi' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2018');
--> statement-breakpoint
UPDATE `goal_frameworks` SET `name_en` = 'The four pillars of the 2024 operational plan' WHERE `code` = 'vp2024' AND `name` = 'De fyra pelarna enligt verksamhetsplan 2024';
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Produce knowledge – in collaboration and dialogue' WHERE `key` = 'kunskapsutveckling' AND `name` = 'Producera kunskap – i samverkan och dialog' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2024');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Spread knowledge – share, explain, provide' WHERE `key` = 'spridning' AND `name` = 'Sprida kunskap – dela, begripliggöra, tillhandahålla' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2024');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Support development' WHERE `key` = 'metodstod' AND `name` = 'Stödja utveckling' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2024');
--> statement-breakpoint
UPDATE `goals` SET `name_en` = 'Promote collaboration' WHERE `key` = 'samverkan' AND `name` = 'Främja samverkan' AND `framework_id` IN (SELECT `id` FROM `goal_frameworks` WHERE `code` = 'vp2024');
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Seminar' WHERE `name` = 'Seminarium';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Analysis seminar' WHERE `name` = 'Analysseminarium';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Workshop' WHERE `name` = 'Workshop';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Network meeting' WHERE `name` = 'Nätverksträff';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Training day' WHERE `name` = 'Utbildningsdag';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Lecture/conference contribution' WHERE `name` = 'Föreläsning/konferensbidrag';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Conference (attending)' WHERE `name` = 'Konferens (deltagande)';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Own conference/event' WHERE `name` = 'Egen konferens/event';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'R&D breakfast' WHERE `name` = 'FoU-frukost';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'FoU Social Talks' WHERE `name` = 'FoU Social Talks';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Report' WHERE `name` = 'Rapport';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Article' WHERE `name` = 'Artikel';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Memo/mapping' WHERE `name` = 'PM/kartläggning';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Survey/data collection' WHERE `name` = 'Enkät/datainsamling';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Interviews/focus groups' WHERE `name` = 'Intervjuer/fokusgrupper';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Meeting with a management group (municipal visit)' WHERE `name` = 'Möte med ledningsgrupp (kommunbesök)';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Steering group/council meeting' WHERE `name` = 'Styrgrupps-/rådsmöte';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Supervision' WHERE `name` = 'Handledning';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Newsletter/digital communication' WHERE `name` = 'Nyhetsbrev/digital kommunikation';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Application for external funding' WHERE `name` = 'Ansökan om externa medel';
--> statement-breakpoint
UPDATE `activity_types` SET `name_en` = 'Consultation response/expert statement' WHERE `name` = 'Remissvar/expertutlåtande';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Heads of social services and management' WHERE `key` = 'ledning' AND `name` = 'Socialchefer och ledning';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Unit managers' WHERE `key` = 'enhetschefer' AND `name` = 'Enhetschefer';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Case workers and staff' WHERE `key` = 'medarbetare' AND `name` = 'Handläggare och medarbetare';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Politicians' WHERE `key` = 'politiker' AND `name` = 'Politiker';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Service users and relatives' WHERE `key` = 'brukare' AND `name` = 'Brukare och anhöriga';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Researchers' WHERE `key` = 'forskare' AND `name` = 'Forskare';
--> statement-breakpoint
UPDATE `target_groups` SET `name_en` = 'Other R&D units' WHERE `key` = 'fou' AND `name` = 'Andra FoU-enheter';
