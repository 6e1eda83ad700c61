-- Department rows that could not be taken into the facts, with the rule they broke and why.
-- Nothing is dropped silently: every row read lands in raw.* and either feeds the facts or is here.
CREATE TABLE IF NOT EXISTS wh.quarantine.rejected (
  source     STRING NOT NULL COMMENT 'the department',
  extract    STRING NOT NULL COMMENT 'the extract',
  year       INT    NOT NULL COMMENT 'the year loaded',
  row_key    STRING NOT NULL COMMENT 'key columns of the row as KEY=value pairs (identifiers hashed as in raw)',
  rule       STRING NOT NULL COMMENT 'the rule broken, e.g. mapping',
  reason     STRING NOT NULL COMMENT 'what is wrong, in words the department can act on',
  load_id    STRING NOT NULL COMMENT 'the load (meta.load)')
USING iceberg
PARTITIONED BY (year, source)
