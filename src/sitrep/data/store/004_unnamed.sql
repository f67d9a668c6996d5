-- sitrep store, migration 4: unnamed people.
-- actors.named: false for a person the article only describes ("a Kremlin aide"); such an
-- actor is never merged with an actor of another article.
ALTER TABLE actors ADD COLUMN named BOOLEAN DEFAULT TRUE;
