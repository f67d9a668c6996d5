-- sitrep store, migration 1 (schema version 1). Offsets index into articles.body.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, stages JSON,
    inputs JSON, added INTEGER, unchanged INTEGER, failed INTEGER
);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, format VARCHAR, url VARCHAR, title VARCHAR,
    published DATE, published_source VARCHAR, language VARCHAR, byline VARCHAR, dateline VARCHAR,
    body VARCHAR, captions JSON, boilerplate JSON, notes JSON, stages JSON, record JSON,
    run_id VARCHAR, ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR,
    affiliation VARCHAR, country VARCHAR, mentions JSON, stage VARCHAR, version VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, kind VARCHAR, speaker VARCHAR,
    speaker_name VARCHAR, cue VARCHAR, spans JSON, stage VARCHAR, version VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, category VARCHAR, mode VARCHAR, cameo VARCHAR,
    actor_id VARCHAR, actor_name VARCHAR, actor_country VARCHAR,
    target_id VARCHAR, target_name VARCHAR, target_country VARCHAR,
    place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
    origin_name VARCHAR, origin_country VARCHAR,
    date_value DATE, date_end DATE, date_precision VARCHAR, date_text VARCHAR,
    status VARCHAR, trigger VARCHAR, sentence VARCHAR, span_start INTEGER, span_end INTEGER,
    confidence DOUBLE, stage VARCHAR, version VARCHAR
);
CREATE TABLE IF NOT EXISTS quantities (
    event_id VARCHAR, article_id VARCHAR, idx INTEGER, value DOUBLE, low DOUBLE, high DOUBLE,
    unit VARCHAR, qualifier VARCHAR, text VARCHAR, PRIMARY KEY (event_id, idx)
);
