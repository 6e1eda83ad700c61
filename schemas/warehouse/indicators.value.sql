-- Every indicator of the catalog for every year and every breakdown it is published by. A pooled
-- indicator (catalog pooled_years) has two values per cell: the year alone (pooled_years 1) and the value
-- it is published and assessed by, pooled over its window (pooled_years 3).
CREATE TABLE IF NOT EXISTS wh.indicators.value (
  indicator   STRING NOT NULL COMMENT 'the indicator code (conf/indicators)',
  year        INT    NOT NULL COMMENT 'the year',
  region      STRING NOT NULL COMMENT 'the district (510811) or a town (510811xxx)',
  sex         STRING NOT NULL COMMENT 'a sex, or the total (code list sex)',
  age_band    STRING NOT NULL COMMENT 'an age band, or the total (code list age_band)',
  residence   STRING NOT NULL COMMENT 'urban, rural, or the total (code list residence)',
  pooled_years INT   NOT NULL COMMENT 'years the value sums: 1 for the year alone, else the window of the catalog pooled_years ending in the year (flag pooled_years=... names the years used when fewer had data)',
  numerator   DOUBLE NOT NULL COMMENT 'numerator of the formula',
  denominator DOUBLE          COMMENT 'denominator of the formula; null for counts',
  value       DOUBLE          COMMENT 'numerator / denominator x factor; null when the denominator is zero',
  ci_low      DOUBLE          COMMENT 'lower bound of the 95% confidence interval, where computed',
  ci_high     DOUBLE          COMMENT 'upper bound of the 95% confidence interval, where computed',
  flags       STRING NOT NULL COMMENT 'comma-separated quality flags, empty when none (e.g. zero_denominator, quarantined=3)')
USING iceberg
PARTITIONED BY (year)
