package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The department tables the children's outline's indicators read, for hand-written years that have
 * no rows for them: every extract of the shipped sources must find its table, even an empty one.
 */
final class ChildrenOutlineTables {
    static final Map<String, List<String>> BY_DEPARTMENT = Map.of(
            "health", List.of(ChildHealthCareAnnualReportDemo.REPORT, ImmunisationReportDemo.REPORT,
                    HealthResourcesAnnualReportDemo.REPORT, HealthResourcesAnnualReportDemo.NICU_QUARTERLY,
                    StudentHealthSurveillanceDemo.REPORT, HealthLiteracySurveillanceDemo.SURVEY, CauseOfDeathRegisterDemo.REGISTER,
                    InjurySurveillanceDemo.CARDS, ChildcareInstitutionRegisterDemo.REGISTER),
            "education", List.of(EducationStatisticsReportDemo.REPORT, KindergartenRegisterDemo.REGISTER,
                    SchoolHealthSafetyInspectionDemo.INSPECTION, BullyingIncidentLedgerDemo.LEDGER, EducationProjectLedgerDemo.LEDGER),
            "public_security", List.of(ChildPassengerSafetyCheckDemo.CHECKS),
            "civil_affairs", List.of(ChildWelfareWorkLedgerDemo.LEDGER),
            "justice", List.of(YouthLegalEducationBaseLedgerDemo.LEDGER),
            "womens_federation", List.of(ChildrensHomeLedgerDemo.LEDGER, FamilyEducationGuidanceReportDemo.REPORT),
            "disabled_federation", List.of(DisabilityCertificateRegisterDemo.REGISTER),
            "housing_construction", List.of(ResidentialChildcareFacilityLedgerDemo.LEDGER),
            "culture_sports", List.of(ChildActivityVenueLedgerDemo.LEDGER));

    private ChildrenOutlineTables() {
    }

    /** Creates each of the tables that a department's database does not have yet, empty. */
    static void createMissing(Path dir) throws Exception {
        for (var d : BY_DEPARTMENT.entrySet()) {
            String[] ddl = d.getValue().stream().map(s -> s.replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")).toArray(String[]::new);
            HandWrittenYear.db(dir, d.getKey(), ddl);
        }
    }
}
