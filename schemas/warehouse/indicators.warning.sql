-- Early warnings: indicators expected to be hard to complete, or fluctuating strongly (四、监测评估 of
-- each plan). Written by assess for the year it runs for.
CREATE TABLE IF NOT EXISTS wh.indicators.warning (
  assessed_year INT    NOT NULL COMMENT 'the latest year of data the warning is raised on',
  indicator     STRING NOT NULL COMMENT 'the indicator code (conf/indicators)',
  region        STRING NOT NULL COMMENT 'the district (510811) or a town (510811xxx)',
  sex           STRING NOT NULL COMMENT 'F, M or _T (both)',
  age_band      STRING NOT NULL COMMENT 'an age band, or _T (all ages)',
  residence     STRING NOT NULL COMMENT 'U, R or _T (both)',
  kind          STRING NOT NULL COMMENT 'projected_miss, needs_acceleration, fluctuation, group_lag, missing_year or implausible',
  severity      STRING NOT NULL COMMENT 'high, medium or low',
  reason        STRING NOT NULL COMMENT 'one sentence naming the indicator, the breakdown and the numbers behind the warning')
USING iceberg
PARTITIONED BY (assessed_year)
