package org.wcstat.jobs.ingest.dialect;

import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import scala.Option;

import java.sql.Types;
import java.util.Locale;

/**
 * Spark's JDBC dialect for Dameng DM8 (driver dm.jdbc.driver.DmDriver, URLs jdbc:dm://host:5236/...).
 * Spark ships none, and its generic mapping misreads several of the types DM's driver reports; only
 * those are overridden, the rest keep Spark's defaults.
 */
public final class DamengDialect extends JdbcDialect {
    private static final long serialVersionUID = 1L;

    /** DM's NUMBER without precision holds any number: keep 18 fraction digits, as Spark does for Oracle. */
    static final DecimalType UNBOUNDED_NUMBER = DataTypes.createDecimalType(DecimalType.MAX_PRECISION(), 18);

    /** The scale DM's driver (like Oracle's) reports for NUMBER and FLOAT declared without precision. */
    private static final long NO_SCALE = -127;

    /** Binary precision up to which DM's FLOAT(p) is single precision. */
    private static final int SINGLE_PRECISION_BITS = 24;

    @Override
    public boolean canHandle(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:dm:");
    }

    @Override
    public String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public Option<DataType> getCatalystType(int sqlType, String typeName, int size, MetadataBuilder md) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        return Option.apply(switch (sqlType) {
            // Spark would read NUMBER (precision 0, scale -127) as decimal(38,0) and round every fraction away
            case Types.NUMERIC, Types.DECIMAL -> size == 0 || scale(md) == NO_SCALE ? UNBOUNDED_NUMBER : null;
            // DM's FLOAT is double precision unless declared FLOAT(p) with p <= 24; Spark reads FLOAT as float
            case Types.FLOAT -> size > 0 && size <= SINGLE_PRECISION_BITS ? DataTypes.FloatType : DataTypes.DoubleType;
            // the driver reports VARCHAR2 as CHAR, which Spark would read as a blank-padded CHAR(n)
            case Types.CHAR -> name.startsWith("VARCHAR") ? DataTypes.StringType : null;
            // DATETIME/TIMESTAMP WITH TIME ZONE and TIME WITH TIME ZONE, which Spark does not recognise at all
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE -> DataTypes.TimestampType;
            // INTERVAL YEAR TO MONTH, INTERVAL DAY TO SECOND ...: read as DM prints them
            case Types.OTHER -> name.startsWith("INTERVAL") ? DataTypes.StringType : null;
            default -> null;
        });
    }

    private static long scale(MetadataBuilder md) {
        if (md == null) {
            return 0;
        }
        Metadata m = md.build();
        return m.contains("scale") ? m.getLong("scale") : 0;
    }

    @Override
    public Option<JdbcType> getJDBCType(DataType dt) {
        // Spark's defaults BIT(1), BYTE and INTEGER: DM's BIT takes no length, and a short fits SMALLINT
        if (dt.equals(DataTypes.BooleanType)) {
            return Option.apply(new JdbcType("BIT", Types.BIT));
        }
        if (dt.equals(DataTypes.ByteType)) {
            return Option.apply(new JdbcType("TINYINT", Types.TINYINT));
        }
        if (dt.equals(DataTypes.ShortType)) {
            return Option.apply(new JdbcType("SMALLINT", Types.SMALLINT));
        }
        return Option.empty();
    }

    /** BIT columns compare with 1 and 0. */
    @Override
    public Object compileValue(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return super.compileValue(value);
    }

    // Spark resolves a read's columns with these; DM parses WHERE 1 = 0 over a table or a subquery with an alias
    @Override
    public String getTableExistsQuery(String table) {
        return "SELECT 1 FROM " + table + " WHERE 1 = 0";
    }

    @Override
    public String getSchemaQuery(String table) {
        return "SELECT * FROM " + table + " WHERE 1 = 0";
    }

    /** DM8 accepts LIMIT n, so a limit is pushed to the department's database. */
    @Override
    public boolean supportsLimit() {
        return true;
    }
}
