-- sitrep store, migration 3: incremental refresh.
-- refreshed_articles: articles the derived tables already reflect (the rest are new).
-- event_blocks: each event's merge block (category | date bucket); blocks are merged
-- independently, so a refresh re-merges only the blocks new events fall in.
-- actor_keys.grp: the identity group an actor is resolved within (people: folded surname).
CREATE TABLE IF NOT EXISTS refreshed_articles (article_id VARCHAR PRIMARY KEY);
CREATE TABLE IF NOT EXISTS event_blocks (event_id VARCHAR PRIMARY KEY, block VARCHAR);
CREATE INDEX IF NOT EXISTS event_blocks_block ON event_blocks (block);
ALTER TABLE actor_keys ADD COLUMN grp VARCHAR;
CREATE INDEX IF NOT EXISTS actor_keys_grp ON actor_keys (grp);
CREATE INDEX IF NOT EXISTS event_sources_merged ON event_sources (merged_id);
CREATE INDEX IF NOT EXISTS article_copies_copy_of ON article_copies (copy_of);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS actors_article ON actors (article_id);
CREATE INDEX IF NOT EXISTS neardup_keys_key ON neardup_keys (key);
