-- Progress of every indicator towards its target, as judged from the data of one year. Written by assess
-- for the year it runs for; docs/methods.md gives each method and its formulas.
CREATE TABLE IF NOT EXISTS wh.indicators.assessment (
  indicator        STRING NOT NULL COMMENT 'the indicator code (conf/indicators)',
  assessed_year    INT    NOT NULL COMMENT 'the latest year of data the judgement uses',
  region           STRING NOT NULL COMMENT 'the district (510811) or a town (510811xxx)',
  sex              STRING NOT NULL COMMENT 'a sex, or the total (code list sex)',
  age_band         STRING NOT NULL COMMENT 'an age band, or the total (code list age_band)',
  residence        STRING NOT NULL COMMENT 'urban, rural, or the total (code list residence)',
  status           STRING NOT NULL COMMENT 'the progress status (code list status)',
  status_zh        STRING NOT NULL COMMENT 'the status as the yearbook prints it, e.g. 进展顺利',
  status_en        STRING NOT NULL COMMENT 'the status in English, e.g. on track',
  method           STRING NOT NULL COMMENT 'cagr_ratio (numeric target), growth_rate (direction only), or the corner case handled, e.g. zero_baseline',
  baseline_year    INT             COMMENT 'the year progress is counted from (2020 unless the series starts later)',
  baseline_value   DOUBLE          COMMENT 'the value in the baseline year, as printed (the plan baseline for method plan_baseline; towns meeting the target for every_town)',
  current_value    DOUBLE          COMMENT 'the value assessed in assessed_year, as printed (pooled where the series is noisy; towns meeting the target for every_town)',
  target_value     DOUBLE          COMMENT 'the target, null for direction-only goals',
  target_year      INT             COMMENT 'the year the target is due (2030 unless the plan says otherwise)',
  ratio            DOUBLE          COMMENT 'actual / required compound annual growth (cagr_ratio), or the directed growth rate (growth_rate)',
  anticipated_2025 DOUBLE          COMMENT 'the value the time-weighted linear fit expects in 2025',
  anticipated_2030 DOUBLE          COMMENT 'the value the time-weighted linear fit expects in 2030',
  gap_2030         DOUBLE          COMMENT 'anticipated_2030 minus the target, signed so that negative means short of it',
  note             STRING          COMMENT 'how a corner case was handled, in one sentence')
USING iceberg
PARTITIONED BY (assessed_year)
