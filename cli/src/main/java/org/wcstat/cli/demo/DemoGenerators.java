package org.wcstat.cli.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What writes each demo table, by table name: the demo writes a table because a source in
 * conf/sources reads it ({@link DemoPlan}), and finds here what fills it. A generator may fill
 * several tables of one department when their rows are drawn together (a birth register and the
 * deaths among those births); each table has exactly one generator.
 */
final class DemoGenerators {

    @FunctionalInterface
    interface Writer {
        void write(DemoDatabase db) throws Exception;
    }

    @FunctionalInterface
    interface ReturnsWriter {
        int write(Path home) throws Exception;
    }

    /** A generator and the tables it creates and fills, in one run of its writer. */
    record Generator(List<String> tables, Writer writer) {
        @Override
        public String toString() {
            return "the demo generator of " + String.join(" and ", tables);
        }
    }

    static final List<Generator> ALL = Stream.concat(Stream.of(
            generator(HealthDemo::write, "BIRTH_REGISTER", "MCH_DEATH_REPORT"),
            generator(EducationDemo::write, "EDU_ENROLMENT"),
            generator(PublicSecurityDemo::write, "HJ_RK_TJ"),
            generator(CivilAffairsDemo::write, "VC_MEMBER"),
            generator(HrSocialSecurityDemo::write, "RS_TJ_NB"),
            generator(MedicalInsuranceDemo::write, "YB_CBRS_TJ"),
            generator(JusticeDemo::write, "FLYZ_AJ", "WCN_FZ_PJ"),
            generator(WomensFederationDemo::write, "FL_JTJY_ZD"),
            generator(AgricultureWaterDemo::write, "RURAL_INFRA_STAT"),
            generator(DisabledFederationDemo::write, "CJ_SLRX_AZ", "CJ_KFJZ"),
            generator(OrganisationDemo::write, "GB_LDBZ_CY"),
            generator(ChildHealthCareAnnualReportDemo::write, "FY_ETBJ_NB"),
            generator(ImmunisationReportDemo::write, "MY_CGJZ_BB"),
            generator(HealthResourcesAnnualReportDemo::write, "WS_JG_NB", "WZXSE_JD_BB"),
            generator(StudentHealthSurveillanceDemo::write, "XS_JKJC_NB"),
            generator(HealthLiteracySurveillanceDemo::write, "JKSY_JC"),
            generator(CauseOfDeathRegisterDemo::write, "SW_DJ"),
            generator(InjurySurveillanceDemo::write, "SH_JCBGK"),
            generator(ChildcareInstitutionRegisterDemo::write, "TY_JG_BA"),
            generator(EducationStatisticsReportDemo::write, "JY_TJ_ZB"),
            generator(KindergartenRegisterDemo::write, "YEY_JBQK"),
            generator(SchoolHealthSafetyInspectionDemo::write, "DD_XXWSAQ_JC"),
            generator(BullyingIncidentLedgerDemo::write, "XSQL_SJ"),
            generator(EducationProjectLedgerDemo::write, "JY_XM_TZ"),
            generator(ChildPassengerSafetyCheckDemo::write, "JJ_ETCC_JC"),
            generator(ChildWelfareWorkLedgerDemo::write, "MZ_ETFL_TZ"),
            generator(YouthLegalEducationBaseLedgerDemo::write, "SF_QSNFZJD_TZ"),
            generator(ChildrensHomeLedgerDemo::write, "FL_ETZJ_TZ"),
            generator(FamilyEducationGuidanceReportDemo::write, "FL_JTJY_TJ"),
            generator(DisabilityCertificateRegisterDemo::write, "CJ_ZFZ_DJ"),
            generator(ResidentialChildcareFacilityLedgerDemo::write, "ZJ_JZQ_TYSS"),
            generator(ChildActivityVenueLedgerDemo::write, "WL_ETHDCS_TZ"),
            generator(PopulationSampleSurveyDemo::write, "RK_CY_DC")),
            // the returns in the long layout, each described by its items
            ItemReports.ALL.stream().map(r -> new Generator(List.of(r.table()), r::write))).toList();

    /** The returns of the departments that send files instead of giving access to a database, by department. */
    static final Map<String, ReturnsWriter> RETURNS = Map.of("next_generation", NextGenerationReturnDemo::write);

    private DemoGenerators() {
    }

    private static Generator generator(Writer writer, String... tables) {
        return new Generator(List.of(tables), writer);
    }

    /** Each table's generator; a table claimed by two generators is a mistake in the list. */
    static Map<String, Generator> byTable(List<Generator> generators) {
        Map<String, Generator> byTable = new LinkedHashMap<>();
        for (Generator g : generators) {
            for (String t : g.tables()) {
                Generator before = byTable.put(t, g);
                if (before != null) {
                    throw new IllegalStateException("demo table " + t + " has two generators, " + before + " and " + g
                            + ": keep one in DemoGenerators");
                }
            }
        }
        return Collections.unmodifiableMap(byTable);
    }
}
