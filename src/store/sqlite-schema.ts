// The SQLite schema. Text is kept once: sentences in `sentences` (the full-text index is contentless, it
// holds only the index), the rest of an article's body compressed in `articles.body`; quotes and figures
// keep their sentence only when it is not simply the sentence at their index.
export const SCHEMA_VERSION = '5';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, hash TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT 'data', scope TEXT NOT NULL DEFAULT 'shared', indexed_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, file TEXT, scope TEXT NOT NULL DEFAULT 'shared',
  title TEXT NOT NULL, source TEXT, url TEXT, canon_url TEXT, published TEXT,
  time_ms INTEGER NOT NULL, added_ms INTEGER NOT NULL, added_at TEXT NOT NULL,
  content_hash TEXT NOT NULL, words INTEGER NOT NULL, analyzer TEXT NOT NULL,
  story_id TEXT, copy_of TEXT, has_quotes INTEGER NOT NULL DEFAULT 0,
  meta TEXT NOT NULL, body BLOB NOT NULL, vector TEXT, signature TEXT);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
DROP INDEX IF EXISTS articles_story;
CREATE INDEX IF NOT EXISTS articles_story_time ON articles(story_id, time_ms);
-- Whether a story is a place's (stories never mix places): answered from the index, not the article's row.
CREATE INDEX IF NOT EXISTS articles_story_scope ON articles(story_id, scope);
DROP INDEX IF EXISTS articles_time;
CREATE INDEX IF NOT EXISTS articles_window ON articles(time_ms, story_id, copy_of, source, published, added_ms, scope, id);
CREATE INDEX IF NOT EXISTS articles_dated ON articles(time_ms) WHERE published IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_added ON articles(added_ms);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_url ON articles(canon_url) WHERE canon_url IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_quoted ON articles(has_quotes, time_ms);
CREATE INDEX IF NOT EXISTS articles_copies ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE TABLE IF NOT EXISTS sentences (n INTEGER PRIMARY KEY, article_n INTEGER NOT NULL, idx INTEGER NOT NULL, paragraph INTEGER NOT NULL, heading TEXT, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_article ON sentences(article_n, idx);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, context, content='', contentless_delete=1, tokenize='porter unicode61');
CREATE TABLE IF NOT EXISTS quotes (n INTEGER PRIMARY KEY, article_n INTEGER NOT NULL, idx INTEGER NOT NULL, sidx INTEGER NOT NULL, speaker TEXT NOT NULL, role TEXT, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_n, sidx);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS figures (n INTEGER PRIMARY KEY, article_n INTEGER NOT NULL, idx INTEGER NOT NULL, sidx INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article_n, sidx);
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, lead_id TEXT NOT NULL, size INTEGER NOT NULL, copies INTEGER NOT NULL DEFAULT 0,
  first_day TEXT, last_day TEXT, newest_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS stories_newest ON stories(newest_ms);
-- Each placed article's telling terms with their weights ("term weight term weight ..."), by day (-1: undated).
CREATE TABLE IF NOT EXISTS article_postings (article_n INTEGER PRIMARY KEY, day INTEGER NOT NULL, terms TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS article_postings_day ON article_postings(day, article_n);
CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS speakers (name TEXT PRIMARY KEY, folded TEXT NOT NULL, canonical TEXT NOT NULL, kind TEXT, quotes INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speakers_canonical ON speakers(canonical);
CREATE TABLE IF NOT EXISTS speaker_keys (key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (key, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_keys_name ON speaker_keys(name);
CREATE TABLE IF NOT EXISTS speaker_scopes (scope TEXT NOT NULL, name TEXT NOT NULL, quotes INTEGER NOT NULL, PRIMARY KEY (scope, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_scopes_top ON speaker_scopes(scope, quotes DESC);
`;

/** Each speaker's quote count per place (scope), kept as quotes are stored and dropped: suggestions per place. */
export const SPEAKER_SCOPES_BACKFILL = `INSERT OR REPLACE INTO speaker_scopes(scope, name, quotes)
  SELECT a.scope, q.speaker, count(*) FROM quotes q JOIN articles a ON a.n = q.article_n GROUP BY a.scope, q.speaker`;

/**
 * An index from before `article_postings` kept one row per term of each article (`article_terms`): its
 * postings are gathered into one row per article, once, and the old table dropped (no re-indexing).
 */
export const POSTINGS_FROM_TERMS = `INSERT OR REPLACE INTO article_postings(article_n, day, terms)
  SELECT article_n, min(day), group_concat(term || ' ' || w, ' ') FROM article_terms GROUP BY article_n;
  DROP TABLE article_terms;`;

/** Tables of the index (dropped and rebuilt when the schema changes); the schedule's tables are kept. */
export const INDEX_TABLES = ['sentences_fts', 'sentences', 'quotes', 'figures', 'articles', 'files', 'stories', 'article_terms', 'article_postings', 'term_df', 'speakers', 'speaker_keys', 'speaker_scopes'];
