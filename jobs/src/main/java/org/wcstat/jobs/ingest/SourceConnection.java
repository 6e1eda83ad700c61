package org.wcstat.jobs.ingest;

import org.wcstat.core.config.Configuration;
import org.wcstat.core.config.Secret;
import org.wcstat.core.config.SourceConfig;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * A department's database as a plain JDBC connection: opened once before a load reads anything, so that a
 * refused user, password or database is told at once, with the setting to change, and a server that is down
 * is known before minutes of loading.
 */
public final class SourceConnection {
    /** Seconds a connection attempt may take: a firewall that drops packets otherwise hangs for minutes. */
    static final int LOGIN_TIMEOUT_SECONDS = 10;

    /** Why a database would not let wcstat in. Only {@link #UNREACHABLE} is worth trying again. */
    public enum Refusal { USER_OR_PASSWORD, DATABASE, UNREACHABLE, OTHER }

    private final SourceConfig source;
    private final Path sourceFile;
    private final String url;
    private final Map<String, String> env;

    public SourceConnection(Configuration config, SourceConfig source, Path home, Map<String, String> env) {
        this.source = source;
        this.sourceFile = config.folder().sourceFile(source.department());
        this.url = Configuration.expand(source.jdbc().url(), home, env);
        this.env = env;
    }

    /** Connects and closes; throws {@link SourceRefusedException} saying who refused what, and how to fix it. */
    public void check() {
        Properties props = new Properties();
        if (source.jdbc().properties() != null) props.putAll(source.jdbc().properties());
        String user = secret(source.jdbc().user(), "user");
        String password = secret(source.jdbc().password(), "password");
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        // each driver names its timeout its own way (and H2 refuses settings it does not know)
        if (url.startsWith("jdbc:postgresql:")) {
            props.putIfAbsent("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
            props.putIfAbsent("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            props.putIfAbsent("connectTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS * 1000));
        }
        Driver driver = DriverJars.driver(source.jdbc().driverJarPaths(), source.jdbc().driver(), sourceFile);
        try (Connection c = driver.connect(url, props)) {
            if (c == null) {
                throw new SourceRefusedException(Refusal.OTHER, source.department() + ": the driver " + source.jdbc().driver()
                        + " does not accept the URL " + where() + ": correct jdbc.url or jdbc.driver in " + sourceFile);
            }
        } catch (SQLException e) {
            throw refused(e);
        }
    }

    /** What a failed connection or read means for the user, from the driver's exception. */
    public SourceRefusedException refused(Throwable failure) {
        SQLException sql = sqlCause(failure);
        Refusal kind = classify(failure);
        String db = describe();
        String detail = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();
        String message = switch (kind) {
            case USER_OR_PASSWORD -> db + " refused the user or its password (" + stripCredentials(detail) + "): set "
                    + fix(source.jdbc().user(), "user") + " and " + fix(source.jdbc().password(), "password")
                    + " to an account the department has given the statistics bureau";
            case DATABASE -> db + " has no database, or none this user may open, at " + where() + " (" + stripCredentials(detail)
                    + "): correct the database name in jdbc.url of " + sourceFile + ", or ask the department to grant the user access"
                    + (url.startsWith("jdbc:h2:") ? " (the demo's embedded databases are made by `wcstat demo`)" : "");
            case UNREACHABLE -> db + " cannot be reached at " + where() + " (" + stripCredentials(detail)
                    + "): check that its server is up and that this machine may connect to it; jdbc.url is in " + sourceFile;
            case OTHER -> db + " could not be opened at " + where() + " (" + stripCredentials(detail) + "); its settings are in " + sourceFile;
        };
        return new SourceRefusedException(kind, message, failure);
    }

    /**
     * By SQLState (class 28: invalid authorization; 3D000: no such catalog; class 08: connection) and the
     * vendor codes of the drivers that answer otherwise: MariaDB/MySQL 1045 (access denied), 1044 and 1049
     * (database), H2 28000 and 90146/90013 (database not found).
     */
    static Refusal classify(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof SocketTimeoutException || c instanceof NoRouteToHostException
                    || c instanceof UnknownHostException) {
                return Refusal.UNREACHABLE;
            }
            if (c instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                int code = s.getErrorCode();
                if (state.startsWith("28") || code == 1045 || code == 28000) return Refusal.USER_OR_PASSWORD;
                if (state.equals("3D000") || code == 1044 || code == 1049 || code == 90146 || code == 90013) return Refusal.DATABASE;
                if (state.startsWith("08")) {
                    // MariaDB reports a refused login inside a connection exception too
                    return code == 1045 ? Refusal.USER_OR_PASSWORD : code == 1049 ? Refusal.DATABASE : Refusal.UNREACHABLE;
                }
            }
        }
        return sqlCause(failure) == null ? Refusal.OTHER : Refusal.UNREACHABLE;
    }

    private String describe() {
        return source.department() + " (" + source.nameZh() + ")'s database";
    }

    /** The URL without credentials, for messages. */
    String where() {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }

    private String secret(Secret s, String what) {
        return s == null ? null : s.resolve(env, source.department() + "'s database " + what + " (" + sourceFile + ", jdbc." + what + ")");
    }

    private String fix(Secret s, String what) {
        if (s == null) return "jdbc." + what + " in " + sourceFile;
        if (s.env() != null) return "the variable " + s.env() + (s.file() != null ? " (or the file " + s.file() + ")" : "");
        if (s.file() != null) return "the file " + s.file();
        return "jdbc." + what + " in " + sourceFile;
    }

    /** Drivers quote the user name they were given; it is an account name, but no message needs it. */
    private static String stripCredentials(String detail) {
        return detail == null ? "" : detail.replaceAll("(?i)\\b(user|role|user name|login)\\s+([\"'])[^\"']*\\2", "$1 $2***$2")
                .replaceAll("(?i)(password|user)=[^;&\\s]*", "$1=***");
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) return s;
        }
        return null;
    }

    /** A database refused wcstat; the message names the department, what was refused and the setting to change. */
    public static final class SourceRefusedException extends RuntimeException {
        private final Refusal refusal;

        SourceRefusedException(Refusal refusal, String message) {
            this(refusal, message, null);
        }

        SourceRefusedException(Refusal refusal, String message, Throwable cause) {
            super(message, cause);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }

        /** Worth another attempt: the server may be restarting; a wrong password will stay wrong. */
        public boolean retryable() {
            return refusal == Refusal.UNREACHABLE;
        }
    }
}
