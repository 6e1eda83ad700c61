package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The department tables the outlines' indicators read beyond the demo's first registers, for hand-written
 * years that have no rows for them: every extract of the shipped sources must find its table, even an empty one.
 */
final class OutlineTables {
    static final Map<String, List<String>> BY_DEPARTMENT = Map.ofEntries(
            Map.entry("health", List.of(ChildHealthCareAnnualReportDemo.REPORT, ImmunisationReportDemo.REPORT, HealthResourcesAnnualReportDemo.REPORT, HealthResourcesAnnualReportDemo.NICU_QUARTERLY, StudentHealthSurveillanceDemo.REPORT, HealthLiteracySurveillanceDemo.SURVEY, CauseOfDeathRegisterDemo.REGISTER, InjurySurveillanceDemo.CARDS, ChildcareInstitutionRegisterDemo.REGISTER, WomenHealthAnnualReportDemo.REPORT, WomenHealthSurveyDemo.SURVEY, OccupationalDiseaseReportDemo.REPORT)),
            Map.entry("education", List.of(EducationStatisticsReportDemo.REPORT, KindergartenRegisterDemo.REGISTER, SchoolHealthSafetyInspectionDemo.INSPECTION, BullyingIncidentLedgerDemo.LEDGER, EducationProjectLedgerDemo.LEDGER, StudentStatusStatisticsDemo.REPORT)),
            Map.entry("public_security", List.of(ChildPassengerSafetyCheckDemo.CHECKS, PublicOrderCaseStatisticsDemo.REPORT)),
            Map.entry("civil_affairs", List.of(ChildWelfareWorkLedgerDemo.LEDGER, CommunityGovernanceLedgerDemo.LEDGER)),
            Map.entry("justice", List.of(YouthLegalEducationBaseLedgerDemo.LEDGER, PeopleMediationStatisticsDemo.REPORT)),
            Map.entry("womens_federation", List.of(ChildrensHomeLedgerDemo.LEDGER, FamilyEducationGuidanceReportDemo.REPORT)),
            Map.entry("disabled_federation", List.of(DisabilityCertificateRegisterDemo.REGISTER, DisabledPersonsStatusUpdateDemo.REPORT)),
            Map.entry("housing_construction", List.of(ResidentialChildcareFacilityLedgerDemo.LEDGER)),
            Map.entry("culture_sports", List.of(ChildActivityVenueLedgerDemo.LEDGER, NationalFitnessMonitoringDemo.REPORT)),
            Map.entry("hr_social_security", List.of(HrDevelopmentStatisticsDemo.REPORT)),
            Map.entry("organisation", List.of(WomenInDecisionMakingReturnDemo.REPORT)),
            Map.entry("statistics", List.of(PopulationSampleSurveyDemo.SURVEY)),
            Map.entry("science_association", List.of(CivicScienceLiteracySurveyDemo.SURVEY)),
            Map.entry("trade_union", List.of(TradeUnionStatisticsDemo.REPORT)),
            Map.entry("ecology_environment", List.of(DrinkingWaterSourceMonitoringDemo.REPORT)));

    private OutlineTables() {
    }

    /** Creates each of the tables that a department's database does not have yet, empty. */
    static void createMissing(Path dir) throws Exception {
        for (var d : BY_DEPARTMENT.entrySet()) {
            String[] ddl = d.getValue().stream().map(s -> s.replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")).toArray(String[]::new);
            HandWrittenYear.db(dir, d.getKey(), ddl);
        }
    }
}
