-- The mid-term (2025) and final (2030) evaluations: per plan and plan area, how many indicators reached
-- each status. Written by assess: an evaluation year already reached from its own data, a later one as a
-- provisional outlook from the latest data; a re-run of an earlier year leaves the rows a later year made.
CREATE TABLE IF NOT EXISTS wh.indicators.evaluation (
  evaluation_year    INT    NOT NULL COMMENT '2025 (mid-term) or 2030 (final)',
  assessed_year      INT    NOT NULL COMMENT 'the latest year of data the evaluation uses',
  plan               STRING NOT NULL COMMENT 'women or children',
  area               STRING NOT NULL COMMENT 'the plan area, or the total code for the whole plan',
  indicators         INT    NOT NULL COMMENT 'indicators assessed (district total)',
  quantified         INT    NOT NULL COMMENT 'of which with a numeric target',
  achieved           INT    NOT NULL COMMENT 'status achieved',
  on_track           INT    NOT NULL COMMENT 'status on_track',
  needs_acceleration INT    NOT NULL COMMENT 'status needs_acceleration',
  limited_progress   INT    NOT NULL COMMENT 'status limited_progress',
  deterioration      INT    NOT NULL COMMENT 'status deterioration',
  inconclusive       INT    NOT NULL COMMENT 'status inconclusive (too few events to tell which side of the target the value is on)',
  insufficient_data  INT    NOT NULL COMMENT 'status insufficient_data',
  summary_zh         STRING NOT NULL COMMENT 'e.g. 41项量化指标中34项已实现或进展顺利',
  summary_en         STRING NOT NULL COMMENT 'e.g. 34 of 41 quantified indicators achieved or on track',
  basis              STRING NOT NULL COMMENT 'observed (from the data up to the evaluation year) or provisional (the evaluation year is not in the data yet: statuses from the latest year)',
  anticipated_met    INT    NOT NULL COMMENT 'quantified indicators whose value anticipated for the target year meets the target')
USING iceberg
