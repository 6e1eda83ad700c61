package org.wcstat.jobs.ingest.dialect;

import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.MySQLDialect;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MetadataBuilder;
import scala.Option;

import java.util.Locale;

/**
 * MariaDB's own driver takes jdbc:mariadb: URLs, which Spark's MySQL dialect does not claim. Spark's
 * fallback quotes column names with double quotes, which MariaDB reads as string literals: every
 * row would come back holding its column names. Backticks, and MySQL's type mapping, fix that.
 */
final class MariaDbDialect extends JdbcDialect {
    private static final long serialVersionUID = 1L;
    private static final MySQLDialect MYSQL = MySQLDialect.apply();
    @Override
    public boolean canHandle(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:");
    }

    @Override
    public String quoteIdentifier(String name) {
        return MYSQL.quoteIdentifier(name);
    }

    @Override
    public Option<DataType> getCatalystType(int sqlType, String typeName, int size, MetadataBuilder md) {
        return MYSQL.getCatalystType(sqlType, typeName, size, md);
    }
}
