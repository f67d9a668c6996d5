-- sitrep store, migration 2: the record across articles.
-- Per-article rows written at ingest: mentions, places, MinHash signatures and LSH keys.
-- Derived rows rebuilt by `Store.refresh()` after each ingest (deterministic over everything
-- stored, so the result never depends on ingest order): copies, actor keys, merged events,
-- their sources and links, disagreements, the force-posture ledger.
ALTER TABLE articles ADD COLUMN outlet VARCHAR;
CREATE TABLE IF NOT EXISTS mentions (
    actor_id VARCHAR, article_id VARCHAR, idx INTEGER, span_start INTEGER, span_end INTEGER, text VARCHAR,
    PRIMARY KEY (actor_id, idx)
);
CREATE TABLE IF NOT EXISTS places (
    event_id VARCHAR, article_id VARCHAR, role VARCHAR, idx INTEGER, name VARCHAR, country VARCHAR,
    lat DOUBLE, lon DOUBLE, kind VARCHAR, span_start INTEGER, span_end INTEGER,
    PRIMARY KEY (event_id, role, idx)
);
CREATE TABLE IF NOT EXISTS article_minhash (article_id VARCHAR PRIMARY KEY, signature BIGINT[]);
CREATE TABLE IF NOT EXISTS neardup_keys (article_id VARCHAR, band SMALLINT, key BIGINT, PRIMARY KEY (article_id, band));
CREATE TABLE IF NOT EXISTS article_copies (article_id VARCHAR PRIMARY KEY, copy_of VARCHAR, similarity DOUBLE);
CREATE TABLE IF NOT EXISTS actor_keys (actor_id VARCHAR PRIMARY KEY, key VARCHAR);
CREATE TABLE IF NOT EXISTS merged_events (
    id VARCHAR PRIMARY KEY, category VARCHAR, mode VARCHAR,
    actor_name VARCHAR, actor_country VARCHAR, target_name VARCHAR, target_country VARCHAR,
    place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
    date_start DATE, date_end DATE, status VARCHAR, quantity VARCHAR,
    n_reports INTEGER, n_sources INTEGER, n_disagreements INTEGER
);
CREATE TABLE IF NOT EXISTS event_sources (
    merged_id VARCHAR, event_id VARCHAR PRIMARY KEY, article_id VARCHAR, copy_of VARCHAR, outlet VARCHAR,
    published DATE, sentence VARCHAR, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS merge_links (
    merged_id VARCHAR, event_a VARCHAR, event_b VARCHAR, score DOUBLE, reasons JSON
);
CREATE TABLE IF NOT EXISTS disagreements (
    merged_id VARCHAR, field VARCHAR, value VARCHAR, event_ids JSON, article_ids JSON, outlets JSON,
    n_sources INTEGER
);
CREATE TABLE IF NOT EXISTS ledger (
    merged_id VARCHAR PRIMARY KEY, actor_country VARCHAR, unit VARCHAR, place_name VARCHAR,
    place_country VARCHAR, origin_name VARCHAR, number_low DOUBLE, number_high DOUBLE, number_text VARCHAR,
    date_start DATE, date_end DATE, status VARCHAR, n_sources INTEGER, sources JSON
);
