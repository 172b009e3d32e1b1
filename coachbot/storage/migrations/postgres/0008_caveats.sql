-- Caveats where they matter (see sqlite/0008_caveats.sql).
ALTER TABLE settings ADD COLUMN pregnant INTEGER;   -- 1 yes, 0 no, NULL not answered (asked once, skippable)
UPDATE settings SET water_goal_ml = 4000 WHERE water_goal_ml > 4000;
