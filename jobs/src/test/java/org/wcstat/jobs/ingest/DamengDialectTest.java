package org.wcstat.jobs.ingest;

import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;
import org.apache.spark.sql.jdbc.JdbcType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.yaml.Yaml;
import org.wcstat.jobs.ingest.dialect.DamengDialect;
import org.wcstat.jobs.ingest.dialect.Dialects;
import scala.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.Types;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dameng DM8 dialect without a DM server: which URLs it takes, how it quotes, the types it maps
 * each way, that Spark picks it once registered, and the SQL a DM source is sent.
 */
class DamengDialectTest {
    static final String URL = "jdbc:dm://db.health.example:5236/MCH?schema=MCH";
    final DamengDialect dm = new DamengDialect();

    @Test
    void handlesDamengUrlsOnly() {
        assertTrue(dm.canHandle(URL));
        assertTrue(dm.canHandle("JDBC:DM://10.0.0.5:5236"));
        assertFalse(dm.canHandle("jdbc:dmx://db:5236"));
        assertFalse(dm.canHandle("jdbc:mysql://db:3306/dm"));
        assertFalse(dm.canHandle("jdbc:postgresql://dm:5432/x"));
    }

    @Test
    void quotesIdentifiersWithDoubleQuotes() {
        assertEquals("\"BIRTH_DATE\"", dm.quoteIdentifier("BIRTH_DATE"));
        assertEquals("\"出生日期\"", dm.quoteIdentifier("出生日期"));
        assertEquals("\"A\"\"B\"", dm.quoteIdentifier("A\"B"));
    }

    @Test
    void readsNumberWithoutPrecisionKeepingItsFraction() {
        // NUMBER: the driver reports NUMERIC, precision 0, scale -127; Spark alone would say decimal(38,0)
        assertEquals(DataTypes.createDecimalType(38, 18), read(Types.NUMERIC, "NUMBER", 0, -127));
        assertEquals(DataTypes.createDecimalType(38, 18), read(Types.DECIMAL, "DECIMAL", 0, 0));
        // a declared precision is Spark's business: NUMBER(10,2) stays decimal(10,2) there
        assertNull(read(Types.NUMERIC, "NUMBER", 10, 2));
        assertNull(read(Types.DECIMAL, "DECIMAL", 38, 0));
    }

    @Test
    void readsFloatAsDoubleUnlessDeclaredSingle() {
        // FLOAT is FLOAT(53) in DM; FLOAT(24) or less is single precision, like REAL
        assertEquals(DataTypes.DoubleType, read(Types.FLOAT, "FLOAT", 53, 0));
        assertEquals(DataTypes.DoubleType, read(Types.FLOAT, "FLOAT", 0, 0));
        assertEquals(DataTypes.FloatType, read(Types.FLOAT, "FLOAT", 24, 0));
        assertNull(read(Types.REAL, "REAL", 24, 0));
        assertNull(read(Types.DOUBLE, "DOUBLE", 53, 0));
    }

    @Test
    void readsVarchar2AsPlainText() {
        // DM's driver reports VARCHAR2 with the CHAR type code; it must not be padded like CHAR(n)
        assertEquals(DataTypes.StringType, read(Types.CHAR, "VARCHAR2", 50, 0));
        assertNull(read(Types.CHAR, "CHAR", 2, 0));
        assertNull(read(Types.VARCHAR, "VARCHAR", 50, 0));
        assertNull(read(Types.LONGVARCHAR, "TEXT", Integer.MAX_VALUE, 0));
        assertNull(read(Types.CLOB, "CLOB", Integer.MAX_VALUE, 0));
    }

    @Test
    void readsZonedTimesAndIntervalsSparkDoesNotKnow() {
        assertEquals(DataTypes.TimestampType, read(Types.TIMESTAMP_WITH_TIMEZONE, "DATETIME WITH TIME ZONE", 34, 6));
        assertEquals(DataTypes.TimestampType, read(Types.TIME_WITH_TIMEZONE, "TIME WITH TIME ZONE", 22, 0));
        assertEquals(DataTypes.StringType, read(Types.OTHER, "INTERVAL YEAR TO MONTH", 12, 0));
        assertNull(read(Types.OTHER, "CLASS", 0, 0));
        // DATETIME, BIT and TINYINT come as TIMESTAMP, BIT and TINYINT, which Spark reads right
        assertNull(read(Types.TIMESTAMP, "DATETIME", 26, 6));
        assertNull(read(Types.BIT, "BIT", 1, 0));
        assertNull(read(Types.TINYINT, "TINYINT", 3, 0));
    }

    @Test
    void writesTypesDamengAccepts() {
        assertEquals(new JdbcType("BIT", Types.BIT), write(DataTypes.BooleanType));
        assertEquals(new JdbcType("TINYINT", Types.TINYINT), write(DataTypes.ByteType));
        assertEquals(new JdbcType("SMALLINT", Types.SMALLINT), write(DataTypes.ShortType));
        // Spark's INTEGER, BIGINT, DOUBLE PRECISION, TEXT, TIMESTAMP and DECIMAL(p,s) are DM types already
        assertNull(write(DataTypes.IntegerType));
        assertNull(write(DataTypes.StringType));
        assertNull(write(DataTypes.createDecimalType(10, 2)));
    }

    @Test
    void comparesBitsWithOneAndZeroAndEscapesText() {
        assertEquals("1", dm.compileValue(true));
        assertEquals("0", dm.compileValue(false));
        assertEquals("'O''Brien'", dm.compileValue("O'Brien"));
        assertEquals(42, dm.compileValue(42));
    }

    @Test
    void sparkPicksTheDialectOnceRegistered() {
        Dialects.registerOnce();
        Dialects.registerOnce();
        // registered twice, Spark would combine two matches into an AggregatedDialect
        JdbcDialect picked = JdbcDialects.get(URL);
        assertInstanceOf(DamengDialect.class, picked);
        assertEquals("\"X\"", picked.quoteIdentifier("X"));
        assertEquals("org.apache.spark.sql.jdbc.H2Dialect", JdbcDialects.get("jdbc:h2:mem:x").getClass().getName());
        assertEquals("org.apache.spark.sql.jdbc.PostgresDialect", JdbcDialects.get("jdbc:postgresql://db/x").getClass().getName());
    }

    @Test
    void aDamengSourceLoadsAndIsSentThisSql(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("health.yaml"), """
                department: health
                name_zh: 区卫生健康局
                name_en: Health Commission
                jdbc:
                  url: "%s"
                  driver: dm.jdbc.driver.DmDriver
                  user: {env: WCSTAT_HEALTH_USER}
                  password: {env: WCSTAT_HEALTH_PASSWORD}
                  fetch_size: 5000
                extracts:
                  - name: birth_register
                    table: MCH.BIRTH_REGISTER
                    where: "LIVE_BIRTH = '1'"
                    key: [CERT_NO]
                    year: {date: BIRTH_DATE}
                    measure: live_births
                    region: {code: TOWN_CODE}
                    sex: {column: BABY_SEX, codes: {"1": M, "2": F}}
                    raw:
                      keep: [BABY_SEX, BIRTH_DATE, TOWN_CODE]
                      hash: [CERT_NO]
                    partition: {column: REG_ID, lower: 1, upper: 2000000, partitions: 8}
                """.formatted(URL));
        SourceConfig s = Yaml.read(file, SourceConfig.class);
        assertEquals(List.of(), s.jdbc().driverJarPaths());
        // the driver ships with wcstat and takes the configured URL
        Driver driver = (Driver) Class.forName(s.jdbc().driver()).getConstructor().newInstance();
        assertTrue(driver.acceptsURL(s.jdbc().url()));

        // mapping columns (year, region, sex), then the key, then the partition column; the year as a date range
        String sql = SourceQuery.sql(s.extracts().get(0), 2024);
        assertEquals("SELECT BIRTH_DATE, TOWN_CODE, BABY_SEX, CERT_NO, REG_ID FROM MCH.BIRTH_REGISTER"
                + " WHERE BIRTH_DATE >= DATE '2024-01-01' AND BIRTH_DATE < DATE '2025-01-01' AND (LIVE_BIRTH = '1')", sql);
        // SourceReader's dbtable; Spark first asks DM for its columns with the dialect's schema query
        Dialects.registerOnce();
        assertEquals("SELECT * FROM (" + sql + ") src WHERE 1 = 0", JdbcDialects.get(s.jdbc().url()).getSchemaQuery("(" + sql + ") src"));
    }

    private DataType read(int sqlType, String typeName, int precision, long scale) {
        Option<DataType> t = dm.getCatalystType(sqlType, typeName, precision, new MetadataBuilder().putLong("scale", scale));
        return t.isDefined() ? t.get() : null;
    }

    private JdbcType write(DataType type) {
        Option<JdbcType> t = dm.getJDBCType(type);
        return t.isDefined() ? t.get() : null;
    }
}
