-- One value of one measure, in the canonical dimensions. Written by ingest: loading a year of a source
-- again replaces that (year, source) and nothing else.
CREATE TABLE IF NOT EXISTS wh.facts.observation (
  measure    STRING NOT NULL COMMENT 'what is counted, e.g. live_births, population (the measures named in conf/sources)',
  year       INT    NOT NULL COMMENT 'the year the value covers (a school year counts for the year it starts in)',
  region     STRING NOT NULL COMMENT 'national division code: the town (510811xxx), or the district (510811) when the source has no towns',
  sex        STRING NOT NULL COMMENT 'a sex (code list sex), or the total when the source does not break the value down by sex',
  age_band   STRING NOT NULL COMMENT 'an age band of conf/dimensions.yaml (code list age_band), or the total when not broken down by age',
  residence  STRING NOT NULL COMMENT 'urban or rural (code list residence), or the total when not broken down',
  value      DOUBLE NOT NULL COMMENT 'the count',
  source     STRING NOT NULL COMMENT 'the department (conf/sources/<source>.yaml)',
  extract    STRING NOT NULL COMMENT 'the extract of that source',
  load_id    STRING NOT NULL COMMENT 'the load that wrote the row (meta.load)')
USING iceberg
PARTITIONED BY (year, source)
