-- The modules of its pack an application was limited to (apply --modules), in the pack's order;
-- NULL when it applied the whole pack, as every application before this version did. Reset
-- applies exactly these modules again, and an apply of the same pack for other modules builds
-- beside it.
ALTER TABLE platform.seed_applications ADD COLUMN modules text[];
