-- One token per character of every searched text (see search_chars.rs): a search of one or two
-- characters becomes an index lookup instead of a scan of its kind's rows. Contentless: the
-- texts stay in search_index; rows here are deleted by rowid with it.
CREATE VIRTUAL TABLE search_chars USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO search_chars (rowid, title, body)
SELECT rowid, gongkai_chars(title), gongkai_chars(body) FROM search_index;
