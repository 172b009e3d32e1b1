-- Caveats where they matter (issue 11).
-- Pregnant or breastfeeding: the caffeine limit in use is at most 200 mg a day.
ALTER TABLE settings ADD COLUMN pregnant INTEGER;   -- 1 yes, 0 no, NULL not answered (asked once, skippable)
-- Water goals above the new ceiling (domain/hydration.py MAX_GOAL_ML) come down to it.
UPDATE settings SET water_goal_ml = 4000 WHERE water_goal_ml > 4000;
