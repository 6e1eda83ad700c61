package org.wcstat.airflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** An Airflow login. Read from the environment only, never printed. */
public final class Credentials {

    public static final String USER = "WCSTAT_AIRFLOW_USER";
    public static final String PASSWORD = "WCSTAT_AIRFLOW_PASSWORD";
    public static final String PASSWORD_FILE = "WCSTAT_AIRFLOW_PASSWORD_FILE";

    private final String user;
    private final String password;

    public Credentials(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Reads WCSTAT_AIRFLOW_USER and WCSTAT_AIRFLOW_PASSWORD, or the secret file WCSTAT_AIRFLOW_PASSWORD_FILE names. */
    public static Credentials fromEnvironment(Map<String, String> environment) {
        String user = environment.get(USER);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("set " + USER + " to the Airflow user to log in as");
        }
        String password = environment.get(PASSWORD);
        String file = environment.get(PASSWORD_FILE);
        if ((password == null || password.isEmpty()) && file != null && !file.isBlank()) {
            try {
                // secret files usually end with a newline that is not part of the password
                password = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the password file " + PASSWORD_FILE + "=" + file
                        + ": " + e.getMessage());
            }
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set " + PASSWORD + ", or " + PASSWORD_FILE
                    + " to a file holding the password, for Airflow user " + user);
        }
        return new Credentials(user, password);
    }

    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****]";
    }
}
