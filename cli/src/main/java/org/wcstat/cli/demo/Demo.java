package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Creates the embedded department databases: one H2 file per department under &lt;home&gt;/departments. */
public final class Demo {

    @FunctionalInterface
    private interface Writer {
        int write(DemoDatabase db) throws Exception;
    }

    private static final Map<String, Writer> DEPARTMENTS = new LinkedHashMap<>();

    static {
        DEPARTMENTS.put("health", HealthDemo::write);
        DEPARTMENTS.put("education", EducationDemo::write);
        DEPARTMENTS.put("public_security", PublicSecurityDemo::write);
        DEPARTMENTS.put("civil_affairs", CivilAffairsDemo::write);
        DEPARTMENTS.put("hr_social_security", HrSocialSecurityDemo::write);
        DEPARTMENTS.put("medical_insurance", MedicalInsuranceDemo::write);
        DEPARTMENTS.put("justice", JusticeDemo::write);
        DEPARTMENTS.put("womens_federation", WomensFederationDemo::write);
        DEPARTMENTS.put("agriculture_water", AgricultureWaterDemo::write);
        DEPARTMENTS.put("disabled_federation", DisabledFederationDemo::write);
        DEPARTMENTS.put("organisation", OrganisationDemo::write);
    }

    private Demo() {
    }

    public static Path departmentsDir(Path home) {
        return home.resolve("departments");
    }

    /** Writes every department's database afresh; returns the rows written per department. */
    public static Map<String, Integer> create(Path home, Consumer<String> progress) throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (var d : DEPARTMENTS.entrySet()) {
            progress.accept("writing department database " + d.getKey());
            try (DemoDatabase db = DemoDatabase.create(departmentsDir(home), d.getKey())) {
                rows.put(d.getKey(), d.getValue().write(db));
            }
        }
        return rows;
    }
}
