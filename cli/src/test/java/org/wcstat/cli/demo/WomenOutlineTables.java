package org.wcstat.cli.demo;

import java.nio.file.Path;

/** The departments' returns for the women's outline, created empty where a test writes no rows for them. */
final class WomenOutlineTables {
    private WomenOutlineTables() {
    }

    static void createEmpty(Path dir) throws Exception {
        HandWrittenYear.db(dir, "health", WomenHealthAnnualReportDemo.REPORT, WomenHealthSurveyDemo.SURVEY, OccupationalDiseaseReportDemo.REPORT);
        HandWrittenYear.db(dir, "education", StudentStatusStatisticsDemo.REPORT);
        HandWrittenYear.db(dir, "public_security", PublicOrderCaseStatisticsDemo.REPORT);
        HandWrittenYear.db(dir, "civil_affairs", CommunityGovernanceLedgerDemo.LEDGER);
        HandWrittenYear.db(dir, "hr_social_security", HrDevelopmentStatisticsDemo.REPORT);
        HandWrittenYear.db(dir, "justice", PeopleMediationStatisticsDemo.REPORT);
        HandWrittenYear.db(dir, "disabled_federation", DisabledPersonsStatusUpdateDemo.REPORT);
        HandWrittenYear.db(dir, "organisation", WomenInDecisionMakingReturnDemo.REPORT);
        HandWrittenYear.db(dir, "statistics", PopulationSampleSurveyDemo.SURVEY);
        HandWrittenYear.db(dir, "culture_sports", NationalFitnessMonitoringDemo.REPORT);
        HandWrittenYear.db(dir, "science_association", CivicScienceLiteracySurveyDemo.SURVEY);
        HandWrittenYear.db(dir, "trade_union", TradeUnionStatisticsDemo.REPORT);
        HandWrittenYear.db(dir, "ecology_environment", DrinkingWaterSourceMonitoringDemo.REPORT);
    }
}
