-- One row per extract loaded: the audit of what came in, when and with what result.
CREATE TABLE IF NOT EXISTS wh.meta.load (
  load_id           STRING    NOT NULL COMMENT 'the load: one per source, year and run',
  source            STRING    NOT NULL COMMENT 'the department',
  extract           STRING    NOT NULL COMMENT 'the extract',
  year              INT       NOT NULL COMMENT 'the year loaded',
  started_at        TIMESTAMP NOT NULL COMMENT 'when reading began',
  duration_ms       BIGINT    NOT NULL COMMENT 'reading, mapping and committing',
  rows_read         BIGINT    NOT NULL COMMENT 'rows read from the source for the year',
  rows_written      BIGINT    NOT NULL COMMENT 'rows read that fed facts.observation',
  rows_quarantined  BIGINT    NOT NULL COMMENT 'rows read that went to quarantine.rejected',
  facts_rows        BIGINT    NOT NULL COMMENT 'fact rows the extract produced (after aggregation)',
  raw_snapshot_id   BIGINT             COMMENT 'snapshot of raw.<source>_<extract> written',
  facts_snapshot_id BIGINT             COMMENT 'snapshot of facts.observation written',
  status            STRING    NOT NULL COMMENT 'ok or failed',
  message           STRING             COMMENT 'why a load failed',
  origin            STRING             COMMENT 'for a return sent as a file: the file under wcstat home and its SHA-256')
USING iceberg
