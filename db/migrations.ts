// Numbered schema migrations: entry n is version n+1. Append only; never edit a released one.

export const MIGRATIONS: readonly string[] = [
  // 1: feeds, items with full-text search, themes, hits, stories, subscriptions, outbox.
  `
  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    language TEXT,
    guild_id TEXT,
    added_by TEXT,
    added_in_channel TEXT,
    etag TEXT,
    last_modified TEXT,
    next_poll_at INTEGER NOT NULL DEFAULT 0,
    last_polled_at INTEGER,
    last_ok_at INTEGER,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since INTEGER,
    last_error TEXT,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dead', 'disabled')),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX feeds_due ON feeds (status, next_poll_at);

  CREATE TABLE feed_events (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX feed_events_feed ON feed_events (feed_id, at);

  CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    first_item_id INTEGER,
    title TEXT NOT NULL,
    countries TEXT NOT NULL DEFAULT '[]',
    themes TEXT NOT NULL DEFAULT '[]',
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX stories_recent ON stories (last_seen_at);

  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    link TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    fetched_at INTEGER NOT NULL,
    language TEXT,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    story_id INTEGER REFERENCES stories (id),
    UNIQUE (feed_id, guid)
  );
  CREATE INDEX items_link ON items (link) WHERE link <> '';
  CREATE INDEX items_published ON items (published_at);
  CREATE INDEX items_story ON items (story_id);

  -- The same article seen again in another feed (same canonical link): one item, more sources.
  CREATE TABLE item_sources (
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (feed_id, guid)
  );

  CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, text, content = 'items', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, title, summary, text) VALUES (new.id, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, title, summary, text) VALUES ('delete', old.id, old.title, old.summary, old.text);
  END;

  CREATE TABLE themes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    query TEXT NOT NULL,
    threshold REAL NOT NULL,
    colour INTEGER NOT NULL,
    emoji TEXT NOT NULL,
    guild_id TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE hits (
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    terms TEXT NOT NULL,
    in_title INTEGER NOT NULL,
    PRIMARY KEY (item_id, theme_id)
  );
  CREATE INDEX hits_theme ON hits (theme_id);

  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    theme_id TEXT NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
    min_score REAL NOT NULL DEFAULT 0,
    languages TEXT NOT NULL DEFAULT '[]',
    countries TEXT NOT NULL DEFAULT '[]',
    mode TEXT NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'hourly', 'daily')),
    paused_reason TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (channel_id, theme_id)
  );

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    message_id TEXT,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    UNIQUE (subscription_id, story_id)
  );
  CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2: a message planned from outbox rows carries one nonce, written before it is posted, so a
  // crash between posting and marking re-sends exactly that message and Discord drops it.
  `
  ALTER TABLE outbox ADD COLUMN nonce TEXT;
  CREATE INDEX outbox_nonce ON outbox (nonce) WHERE nonce IS NOT NULL;
  `,
  // 3: stories joined across outlets: the features a later report is compared on, and the
  // items' countries for filtering.
  `
  ALTER TABLE stories ADD COLUMN numbers TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stories ADD COLUMN names TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE stories ADD COLUMN first_published_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stories ADD COLUMN last_published_at INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX stories_last_published ON stories (last_published_at);
  ALTER TABLE items ADD COLUMN countries TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE outbox ADD COLUMN edit_pending INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX outbox_edits ON outbox (edit_pending) WHERE edit_pending = 1;
  `,
  // 4: what a story can be found by (its numbers and names), so that a new report is compared
  // with the few stories that share one, not with every story of the last 72 hours.
  `
  CREATE TABLE story_keys (
    key TEXT NOT NULL,
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    PRIMARY KEY (key, story_id)
  ) WITHOUT ROWID;
  CREATE INDEX story_keys_story ON story_keys (story_id);
  CREATE INDEX items_content ON items (content_hash);
  CREATE INDEX outbox_story ON outbox (story_id);
  `,
];
