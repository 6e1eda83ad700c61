package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Creates the embedded department databases: one H2 file per department under &lt;home&gt;/departments. */
public final class Demo {
    @FunctionalInterface
    private interface Writer {
        int write(DemoDatabase db) throws Exception;
    }

    /** Each department's tables, in the order written; a department may keep several registers and reports. */
    private static final Map<String, List<Writer>> DEPARTMENTS = new LinkedHashMap<>();

    private static void register(String department, Writer writer) {
        DEPARTMENTS.computeIfAbsent(department, d -> new ArrayList<>()).add(writer);
    }

    static {
        register("health", HealthDemo::write);
        register("education", EducationDemo::write);
        register("public_security", PublicSecurityDemo::write);
        register("civil_affairs", CivilAffairsDemo::write);
        register("hr_social_security", HrSocialSecurityDemo::write);
        register("medical_insurance", MedicalInsuranceDemo::write);
        register("justice", JusticeDemo::write);
        register("womens_federation", WomensFederationDemo::write);
        register("agriculture_water", AgricultureWaterDemo::write);
        register("disabled_federation", DisabledFederationDemo::write);
        register("organisation", OrganisationDemo::write);
        register("health", ChildHealthCareAnnualReportDemo::write);
        register("health", ImmunisationReportDemo::write);
        register("health", HealthResourcesAnnualReportDemo::write);
        register("health", StudentHealthSurveillanceDemo::write);
        register("health", HealthLiteracySurveillanceDemo::write);
        register("health", CauseOfDeathRegisterDemo::write);
        register("health", InjurySurveillanceDemo::write);
        register("health", ChildcareInstitutionRegisterDemo::write);
        register("education", EducationStatisticsReportDemo::write);
        register("education", KindergartenRegisterDemo::write);
        register("education", SchoolHealthSafetyInspectionDemo::write);
        register("education", BullyingIncidentLedgerDemo::write);
        register("education", EducationProjectLedgerDemo::write);
        register("public_security", ChildPassengerSafetyCheckDemo::write);
        register("civil_affairs", ChildWelfareWorkLedgerDemo::write);
        register("justice", YouthLegalEducationBaseLedgerDemo::write);
        register("womens_federation", ChildrensHomeLedgerDemo::write);
        register("womens_federation", FamilyEducationGuidanceReportDemo::write);
        register("disabled_federation", DisabilityCertificateRegisterDemo::write);
        register("housing_construction", ResidentialChildcareFacilityLedgerDemo::write);
        register("culture_sports", ChildActivityVenueLedgerDemo::write);
        register("health", WomenHealthAnnualReportDemo::write);
        register("health", WomenHealthSurveyDemo::write);
        register("health", OccupationalDiseaseReportDemo::write);
        register("education", StudentStatusStatisticsDemo::write);
        register("public_security", PublicOrderCaseStatisticsDemo::write);
        register("civil_affairs", CommunityGovernanceLedgerDemo::write);
        register("hr_social_security", HrDevelopmentStatisticsDemo::write);
        register("justice", PeopleMediationStatisticsDemo::write);
        register("disabled_federation", DisabledPersonsStatusUpdateDemo::write);
        register("organisation", WomenInDecisionMakingReturnDemo::write);
        register("statistics", PopulationSampleSurveyDemo::write);
        register("culture_sports", NationalFitnessMonitoringDemo::write);
        register("science_association", CivicScienceLiteracySurveyDemo::write);
        register("trade_union", TradeUnionStatisticsDemo::write);
        register("ecology_environment", DrinkingWaterSourceMonitoringDemo::write);
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
                int written = 0;
                for (Writer w : d.getValue()) written += w.write(db);
                rows.put(d.getKey(), written);
            }
        }
        // a department without a database sends its returns as files
        progress.accept("writing the returns of next_generation");
        rows.put("next_generation", NextGenerationReturnDemo.write(home));
        return rows;
    }
}
