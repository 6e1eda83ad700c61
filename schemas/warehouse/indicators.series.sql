-- The yearly series of every indicator in every breakdown it is published by, from the first year with
-- data, with the change from the year before and the trend. Written by assess: a run for a year rewrites
-- the years up to it, and the later years a later run wrote stay.
CREATE TABLE IF NOT EXISTS wh.indicators.series (
  indicator    STRING NOT NULL COMMENT 'the indicator code (conf/indicators)',
  region       STRING NOT NULL COMMENT 'the district (510811) or a town (510811xxx)',
  sex          STRING NOT NULL COMMENT 'a sex, or the total (code list sex)',
  age_band     STRING NOT NULL COMMENT 'an age band, or the total (code list age_band)',
  residence    STRING NOT NULL COMMENT 'urban, rural, or the total (code list residence)',
  year         INT    NOT NULL COMMENT 'the year',
  value        DOUBLE          COMMENT 'the value published for the year (indicators.value)',
  smoothed     DOUBLE          COMMENT 'the value assessed: the pooled or smoothed value where the yearly one is too noisy, else the value',
  yoy_change   DOUBLE          COMMENT 'value minus the value of the year before, in the unit of the indicator; null for the first year or a gap',
  yoy_pct      DOUBLE          COMMENT 'yoy_change as a percentage of the value of the year before; null when that is zero or missing',
  trend_slope  DOUBLE          COMMENT 'change per year of the time-weighted linear fit through the series up to this year; null under 3 points',
  trend        STRING NOT NULL COMMENT 'up, down, flat, or none (fewer than 3 points)',
  flags        STRING NOT NULL COMMENT 'quality flags of the value (indicators.value), empty when none')
USING iceberg
