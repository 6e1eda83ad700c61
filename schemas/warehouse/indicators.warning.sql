-- Early warnings: indicators expected to be hard to complete, or fluctuating strongly (四、监测评估 of
-- each plan). Written by assess for the year it runs for.
CREATE TABLE IF NOT EXISTS wh.indicators.warning (
  assessed_year INT    NOT NULL COMMENT 'the latest year of data the warning is raised on',
  indicator     STRING NOT NULL COMMENT 'the indicator code (conf/indicators)',
  region        STRING NOT NULL COMMENT 'the district (510811) or a town (510811xxx)',
  sex           STRING NOT NULL COMMENT 'a sex, or the total (code list sex)',
  age_band      STRING NOT NULL COMMENT 'an age band, or the total (code list age_band)',
  residence     STRING NOT NULL COMMENT 'urban, rural, or the total (code list residence)',
  kind          STRING NOT NULL COMMENT 'the kind of warning (code list kind)',
  severity      STRING NOT NULL COMMENT 'how urgent the warning is (code list severity)',
  reason        STRING NOT NULL COMMENT 'one sentence naming the indicator, the breakdown and the numbers behind the warning')
USING iceberg
PARTITIONED BY (assessed_year)
