-- Marks the file as a Gongkai database: the SQLite header's application id (offset 68) becomes
-- 0x474B6169, "GKai". A restore checks it, so another program's SQLite file is refused before
-- the live database is touched; files written before this migration are recognised by their
-- schema_migration rows instead.
PRAGMA application_id = 1196122473;
