/** The embedded store's schema, created and migrated on open; `schema_version` records the step reached. */
import type Database from 'better-sqlite3';

/** Adds a column unless the table has it (SQLite has no ADD COLUMN IF NOT EXISTS). */
function addColumn(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
  if (!columns.some((c) => c.name === column))
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

/**
 * Each step runs once, in order, in its own transaction: SQL, or a function where SQL alone cannot be
 * made safe to run twice. Append new steps; never edit an old one.
 */
const STEPS: Array<string | ((db: Database.Database) => void)> = [
  `
  CREATE TABLE ref_counters (year INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
  CREATE TABLE cases (
    ref TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    reporter_id TEXT NOT NULL,
    parent_ref TEXT,
    status TEXT NOT NULL,
    open INTEGER NOT NULL,
    due_key TEXT NOT NULL,
    received_at TEXT NOT NULL,
    client_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE UNIQUE INDEX cases_client_key ON cases (desk_id, client_key);
  CREATE INDEX cases_queue ON cases (desk_id, open, due_key, ref);
  CREATE INDEX cases_reporter ON cases (reporter_id, received_at DESC, ref DESC);
  CREATE INDEX cases_org ON cases (org_id, received_at DESC, ref DESC);
  CREATE INDEX cases_children ON cases (desk_id, parent_ref, ref) WHERE parent_ref IS NOT NULL;
  CREATE INDEX cases_period ON cases (desk_id, received_at, ref);
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL,
    status TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
  CREATE TABLE threads (key TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE conversations (key TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE desks (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE services (id TEXT PRIMARY KEY, desk_id TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX services_desk ON services (desk_id, id);
  CREATE TABLE organisations (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL,
    status TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX notices_desk ON notices (desk_id, status, starts_at);
  CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);
  `,
  // 2: followers, for listByFollower; filled from the cases already stored.
  `
  CREATE TABLE case_followers (
    user_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    ref TEXT NOT NULL,
    PRIMARY KEY (user_id, received_at, ref)
  ) WITHOUT ROWID;
  CREATE INDEX case_followers_ref ON case_followers (ref);
  INSERT OR IGNORE INTO case_followers (user_id, received_at, ref)
    SELECT json_extract(f.value, '$.id'), c.received_at, c.ref FROM cases c, json_each(c.doc, '$.followers') f;
  `,
  // 3: the store's own small records (when it was created, the health probe); a client key is matched
  // per reporter and desk, so another user's replayed key never returns someone else's case.
  `
  CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  DROP INDEX cases_client_key;
  CREATE UNIQUE INDEX cases_client_key ON cases (desk_id, reporter_id, client_key);
  `,
  // The setup an administrator changes: versions of services and organisations (bumped by triggers on
  // every write, whichever code writes), the catalogue marker every desk, service and organisation
  // write moves, and the append-only audit log (triggers refuse to change or delete an entry).
  // Written with IF NOT EXISTS so the step is safe whatever step number it ends up with. (No OR REPLACE
  // inside triggers: the outer statement's conflict policy would override it.)
  `
  CREATE TABLE IF NOT EXISTS catalogue_versions (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
  ) WITHOUT ROWID;
  INSERT OR IGNORE INTO catalogue_versions (kind, id, version) SELECT 'service', id, 1 FROM services;
  INSERT OR IGNORE INTO catalogue_versions (kind, id, version) SELECT 'organisation', id, 1 FROM organisations;
  INSERT OR IGNORE INTO store_meta (key, value) VALUES ('catalogue_version', '0');
  CREATE TRIGGER IF NOT EXISTS services_version_insert AFTER INSERT ON services BEGIN
    INSERT INTO catalogue_versions (kind, id, version) SELECT 'service', NEW.id, 0
      WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions WHERE kind = 'service' AND id = NEW.id);
    UPDATE catalogue_versions SET version = version + 1 WHERE kind = 'service' AND id = NEW.id;
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TRIGGER IF NOT EXISTS services_version_update AFTER UPDATE ON services BEGIN
    INSERT INTO catalogue_versions (kind, id, version) SELECT 'service', NEW.id, 0
      WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions WHERE kind = 'service' AND id = NEW.id);
    UPDATE catalogue_versions SET version = version + 1 WHERE kind = 'service' AND id = NEW.id;
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TRIGGER IF NOT EXISTS organisations_version_insert AFTER INSERT ON organisations BEGIN
    INSERT INTO catalogue_versions (kind, id, version) SELECT 'organisation', NEW.id, 0
      WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions WHERE kind = 'organisation' AND id = NEW.id);
    UPDATE catalogue_versions SET version = version + 1 WHERE kind = 'organisation' AND id = NEW.id;
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TRIGGER IF NOT EXISTS organisations_version_update AFTER UPDATE ON organisations BEGIN
    INSERT INTO catalogue_versions (kind, id, version) SELECT 'organisation', NEW.id, 0
      WHERE NOT EXISTS (SELECT 1 FROM catalogue_versions WHERE kind = 'organisation' AND id = NEW.id);
    UPDATE catalogue_versions SET version = version + 1 WHERE kind = 'organisation' AND id = NEW.id;
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TRIGGER IF NOT EXISTS desks_catalogue_insert AFTER INSERT ON desks BEGIN
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TRIGGER IF NOT EXISTS desks_catalogue_update AFTER UPDATE ON desks BEGIN
    UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version';
  END;
  CREATE TABLE IF NOT EXISTS admin_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS admin_audit_object ON admin_audit (object_type, object_id, at, seq);
  CREATE INDEX IF NOT EXISTS admin_audit_at ON admin_audit (at, seq);
  CREATE TRIGGER IF NOT EXISTS admin_audit_no_update BEFORE UPDATE ON admin_audit BEGIN
    SELECT RAISE(ABORT, 'audit entries are never changed');
  END;
  CREATE TRIGGER IF NOT EXISTS admin_audit_no_delete BEFORE DELETE ON admin_audit BEGIN
    SELECT RAISE(ABORT, 'audit entries are never deleted');
  END;
  `,
  // 5: each case's report summary, written with the case; the cases already stored are summarised on
  // open (JavaScript: the summary needs the SLA engine), flagged by 'summaries_pending'.
  `
  CREATE TABLE case_summaries (
    desk_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    ref TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (desk_id, received_at, ref)
  ) WITHOUT ROWID;
  INSERT OR REPLACE INTO store_meta (key, value) VALUES ('summaries_pending', '1');
  `,
  // 6: the SLA watcher's index, each case's warning instants (written with its summary; the cases
  // already stored get theirs from the summary backfill on open), and the watcher's marks.
  `
  CREATE TABLE IF NOT EXISTS case_warnings (
    desk_id TEXT NOT NULL,
    at TEXT NOT NULL,
    ref TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (desk_id, at, ref)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS case_warnings_ref ON case_warnings (ref);
  CREATE TABLE IF NOT EXISTS job_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT OR REPLACE INTO store_meta (key, value) VALUES ('summaries_pending', '1');
  `,
  // Operations suppliers (shared/suppliers/model.ts): configured by the administrator, each write
  // with its audit entry. IF NOT EXISTS: safe whatever step number it ends up with.
  `
  CREATE TABLE IF NOT EXISTS suppliers (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  `,
  // Reference counters of the series other than FV (BE: orders), each numbered on its own per year.
  // IF NOT EXISTS: safe whatever step number it ends up with.
  `
  CREATE TABLE IF NOT EXISTS ref_series_counters (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (series, year)
  ) WITHOUT ROWID;
  `,
  // Reference counters of the series other than FV (BE: orders), each numbered on its own per year.
  // IF NOT EXISTS: safe whatever step number it ends up with.
  `
  CREATE TABLE IF NOT EXISTS ref_series_counters (
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (series, year)
  ) WITHOUT ROWID;
  `,
  // The SLA report's columns of each summary (`summaryFigures`), written with it, so a period's report
  // is added up with GROUP BY over narrow rows; the summaries already stored get theirs from the
  // summary backfill on open. IF NOT EXISTS: safe whatever step number it ends up with.
  `
  CREATE TABLE IF NOT EXISTS case_figures (
    desk_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    ref TEXT NOT NULL,
    received_ms INTEGER NOT NULL,
    as_of_ms INTEGER NOT NULL,
    usable INTEGER NOT NULL,
    cover TEXT NOT NULL,
    service_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    open INTEGER NOT NULL,
    priority TEXT,
    resp_met INTEGER NOT NULL,
    resp_breached_from INTEGER,
    resp_due_ms INTEGER,
    resp_spent REAL,
    res_met INTEGER NOT NULL,
    res_breached_from INTEGER,
    res_due_ms INTEGER,
    res_spent REAL,
    PRIMARY KEY (desk_id, received_at, ref)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS case_figures_unusable ON case_figures (desk_id, received_at) WHERE usable = 0;
  CREATE INDEX IF NOT EXISTS case_figures_as_of ON case_figures (desk_id, as_of_ms);
  INSERT OR REPLACE INTO store_meta (key, value) VALUES ('summaries_pending', '1');
  `,
  // Orders are counted by their own report, not the SLA report's aggregate: each figures row says
  // whether its case is an order (as it is now: a converted case counts under the kind it ended as).
  // (A function: the step must be safe to run twice.)
  (db) => {
    addColumn(db, 'case_figures', 'is_order', 'INTEGER NOT NULL DEFAULT 0');
    db.exec(`UPDATE case_figures SET is_order = 1
      WHERE ref IN (SELECT ref FROM cases WHERE json_extract(doc, '$.kind') = 'order')`);
  },
  // The SLA report's per-(desk, month) partials (report-partials.ts), each dropped by a trigger in the
  // transaction of any change to a figures row of its month (a step that rewrites case_figures
  // without its triggers must empty report_partials). IF NOT EXISTS: safe whatever step number it
  // ends up with.
  `
  CREATE TABLE IF NOT EXISTS report_partials (
    desk_id TEXT NOT NULL,
    month TEXT NOT NULL,
    stable_ms INTEGER NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (desk_id, month)
  ) WITHOUT ROWID;
  CREATE TRIGGER IF NOT EXISTS case_figures_partial_insert AFTER INSERT ON case_figures BEGIN
    DELETE FROM report_partials WHERE desk_id = NEW.desk_id AND month = substr(NEW.received_at, 1, 7);
  END;
  CREATE TRIGGER IF NOT EXISTS case_figures_partial_update AFTER UPDATE ON case_figures BEGIN
    DELETE FROM report_partials WHERE desk_id = OLD.desk_id AND month = substr(OLD.received_at, 1, 7);
    DELETE FROM report_partials WHERE desk_id = NEW.desk_id AND month = substr(NEW.received_at, 1, 7);
  END;
  CREATE TRIGGER IF NOT EXISTS case_figures_partial_delete AFTER DELETE ON case_figures BEGIN
    DELETE FROM report_partials WHERE desk_id = OLD.desk_id AND month = substr(OLD.received_at, 1, 7);
  END;
  `,
  // A case that reports an outage goes into the SLA report's aggregate too: its figures row keeps the
  // outage (JSON of `CaseOutage`; null: none) for the uptime, found by a partial index. The summary
  // backfill on open rewrites every row with it (those rows were unusable before), and the month
  // partials, summed without those cases, are dropped. (A function: the step must be safe to run twice.)
  (db) => {
    addColumn(db, 'case_figures', 'outage', 'TEXT');
    db.exec(`
      CREATE INDEX IF NOT EXISTS case_figures_outage ON case_figures (desk_id, received_at)
        WHERE outage IS NOT NULL;
      DELETE FROM report_partials;
      INSERT OR REPLACE INTO store_meta (key, value) VALUES ('summaries_pending', '1');
    `);
  },
  // The outbox sender condenses a thread's backlog: a message's thread key, found among the pending
  // messages by a partial index (filled for the pending messages already stored; the others are never
  // looked up). (A function: the step must be safe to run twice.)
  (db) => {
    addColumn(db, 'outbox', 'thread_key', 'TEXT');
    db.exec(`
      UPDATE outbox SET thread_key = json_extract(doc, '$.threadKey') WHERE status = 'pending';
      CREATE INDEX IF NOT EXISTS outbox_thread ON outbox (thread_key) WHERE status = 'pending';
    `);
  },
  // A delivered message is kept a week (DELIVERED_KEPT_MS), then deleted: when it was delivered, found
  // by a partial index (filled for the delivered messages already stored). (A function: the step must
  // be safe to run twice.)
  (db) => {
    addColumn(db, 'outbox', 'delivered_at', 'TEXT');
    db.exec(`
      UPDATE outbox SET delivered_at = json_extract(doc, '$.deliveredAt') WHERE status = 'delivered';
      CREATE INDEX IF NOT EXISTS outbox_delivered ON outbox (delivered_at) WHERE status = 'delivered';
    `);
  },
];

export const SCHEMA_VERSION = STEPS.length;

/**
 * Brings the schema up to date. Returns true when the database held nothing of Fristvakt's before (no
 * schema version and no tables): the store was created just now.
 */
export function migrate(db: Database.Database): boolean {
  const tables = db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    .get()!.n;
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare<[], { version: number }>('SELECT version FROM schema_version').get();
  const fresh = tables === 0 || (!row && tables === 1);
  let version = row?.version ?? 0;
  if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  if (version > STEPS.length)
    throw new Error(`the database has schema version ${version}, newer than this build (${STEPS.length})`);
  for (; version < STEPS.length; version += 1) {
    const step = STEPS[version]!;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.prepare('UPDATE schema_version SET version = ?').run(version + 1);
    }).immediate();
  }
  return fresh;
}
