-- After-images: the values an application set on a row it changed, next to the values it found
-- (before). Teardown writes a before-image back only while the row still holds what the
-- application set: a person who changed one of those columns since (a payment that raised a bank
-- balance a scenario had set) would otherwise lose their change without a word. Updates recorded
-- before this version have no after-image (NULL) and are written back as before.
ALTER TABLE platform.seed_updates ADD COLUMN after jsonb;
