-- A person-level birth register of :rows live births in :year, the health department's BIRTH_REGISTER
-- (cli/src/main/resources/demo/tables/BIRTH_REGISTER.sql, filled by the demo's HealthDemo) sized like a large
-- department. Run with: psql -d wcstat_bench -v rows=5000000 -v year=2024 -f birth_register.sql
--
-- Every value is a function of REG_ID through hashint8extended, so the same row count gives the same table on
-- every run (random() would depend on the plan's row order). Town shares and urban shares are the
-- demo district's; the sex ratio at birth is about 108; one record in 20,000 carries the unknown sex
-- code '9', as real registers do, so the quarantine path runs too.
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';

SET client_min_messages = warning;
DROP TABLE IF EXISTS birth_register;
-- the demo's own table (H2 and PostgreSQL both take it); its key is dropped for the load and made after
\ir ../../cli/src/main/resources/demo/tables/BIRTH_REGISTER.sql
ALTER TABLE birth_register DROP CONSTRAINT birth_register_pkey;

-- the demo district's towns: code, cumulative share (per mille) and urban share (per mille)
CREATE TEMP TABLE town (idx int, code text, cum_lo int, cum_hi int, urban int);
INSERT INTO town VALUES
  (0, '510811100',   0, 160, 550), (1, '510811101', 160, 260, 300), (2, '510811102', 260, 340, 120),
  (3, '510811103', 340, 410, 100), (4, '510811104', 410, 490, 120), (5, '510811105', 490, 560, 100),
  (6, '510811106', 560, 640, 120), (7, '510811107', 640, 710, 100), (8, '510811108', 710, 800, 200),
  (9, '510811109', 800, 860,  80), (10, '510811110', 860, 930, 100), (11, '510811111', 930, 1000, 100);
-- a lookup by per-mille draw, so each row finds its town with one array index, not a join per row
CREATE TEMP TABLE town_by_mille AS
  SELECT array_agg(t.code ORDER BY m) AS code, array_agg(t.urban ORDER BY m) AS urban
  FROM generate_series(0, 999) m JOIN town t ON m >= t.cum_lo AND m < t.cum_hi;

INSERT INTO birth_register
SELECT i,
       'R' || :year || substr(town, 7, 3) || lpad(i::text, 8, '0'),
       substr(surnames, 1 + ((h1 >> 8) % length(surnames))::int, 1)
         || substr(given, 1 + ((h1 >> 16) % length(given))::int, 1)
         || CASE WHEN (h1 >> 24) % 2 = 0 THEN substr(given, 1 + ((h1 >> 32) % length(given))::int, 1) ELSE '' END,
       '510811' || to_char(mother_born, 'YYYYMMDD') || lpad(((h2 >> 12) % 500 * 2)::text, 3, '0')
         || substr('10X98765432', 1 + ((h2 >> 24) % 11)::int, 1),
       CASE WHEN h3 % 20000 = 0 THEN '9' WHEN h3 % 1000 < 519 THEN '1' ELSE '2' END,
       make_date(:year, 1, 1) + ((h3 >> 16) % (make_date(:year + 1, 1, 1) - make_date(:year, 1, 1)))::int,
       town,
       CASE WHEN (h2 >> 40) % 1000 < urban_share THEN '非农业' ELSE '农业' END,
       -- as in the demo, the mother lives in a town's urban area exactly when her hukou is non-agricultural
       CASE WHEN (h2 >> 40) % 1000 < urban_share THEN '城镇' ELSE '乡村' END,
       2500 + ((h3 >> 28) % 1700)::int,
       36 + ((h3 >> 40) % 6)::int
FROM generate_series(1, :rows) AS i,
     town_by_mille tm,
     LATERAL (SELECT hashint8extended(i, 1) & 9223372036854775807 AS h1,
                     hashint8extended(i, 2) & 9223372036854775807 AS h2,
                     hashint8extended(i, 3) & 9223372036854775807 AS h3,
                     hashint8extended(i, 4) & 9223372036854775807 AS h4,
                     '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'::text AS surnames,
                     '秀英华玉兰桂芳丽敏静红梅霞燕娟艳琴云莲萍建明国平军伟强勇杰涛斌超波辉刚健永德志林春海东成荣新文'::text AS given) r,
     LATERAL (SELECT tm.code[1 + (r.h4 % 1000)::int] AS town, tm.urban[1 + (r.h4 % 1000)::int] AS urban_share,
                     make_date(:year - 20 - ((r.h2 >> 4) % 18)::int, 1, 1) + ((r.h2 >> 32) % 365)::int AS mother_born) d;

ALTER TABLE birth_register ADD PRIMARY KEY (REG_ID);
ANALYZE birth_register;
