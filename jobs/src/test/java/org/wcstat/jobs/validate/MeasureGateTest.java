package org.wcstat.jobs.validate;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.Progress;
import org.wcstat.core.config.SourceConfig;
import org.wcstat.core.config.ValidationRules;
import org.wcstat.jobs.Spark;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The facts measure rules read reach the driver summed over the dimensions no rule reads: one value per
 * group, not every fact, and the rules' verdicts the same as from every fact.
 */
class MeasureGateTest {
    private static final StructType FACTS = new StructType().add("measure", DataTypes.StringType).add("year", DataTypes.IntegerType)
            .add("region", DataTypes.StringType).add("sex", DataTypes.StringType).add("age_band", DataTypes.StringType)
            .add("residence", DataTypes.StringType).add("value", DataTypes.DoubleType).add("source", DataTypes.StringType);

    @TempDir
    Path tmp;

    private static Row fact(String measure, int year, String region, String sex, String age, String residence, double value) {
        return RowFactory.create(measure, year, region, sex, age, residence, value, "public_security");
    }

    private static ValidationRules.Rule rule(String id, String kind, String left, String right, String measure, List<String> by) {
        return new ValidationRules.Rule(id, kind, kind.equals("statistical") ? "modified_z" : null, null, null, null, null, null, null,
                left, left == null ? null : "<=", right, null, by, measure, null, null, "medium", "warn");
    }

    /** The facts the rules would read, as the driver gets them. */
    private static List<Fact> narrowed(SparkSession spark, List<Row> facts, ValidationRules.Rule... rules) {
        SourceConfig source = new SourceConfig("public_security", "公安", "Public security", null, List.of(), null);
        MeasureGate gate = new MeasureGate(spark, source, new ValidationRules("public_security", List.of(rules)), Progress.SILENT);
        return gate.narrow(spark.createDataFrame(facts, FACTS)).collectAsList().stream().map(MeasureGate::fact).toList();
    }

    private static List<String> sorted(List<Fact> facts) {
        return List.copyOf(new TreeSet<>(facts.stream().map(Fact::toString).toList()));
    }

    @Test
    void factsReachTheDriverSummedOverWhatNoRuleReads() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        List<Row> facts = List.of(
                fact("population", 2024, "101", "F", "0-17", "urban", 10), fact("population", 2024, "101", "F", "18+", "urban", 20),
                fact("population", 2024, "101", "M", "0-17", "rural", 11), fact("population", 2024, "102", "F", "0-17", "rural", 5),
                fact("population", 2023, "101", "M", "18+", "urban", 7), fact("households", 2024, "101", "_T", "_T", "_T", 99));

        // by town only: 2024's town 101 is 10 + 20 + 11 = 41, town 102 is 5, 2023's town 101 is 7; households no rule reads
        assertEquals(List.of(
                        "Fact[measure=population, year=2023, region=101, sex=null, ageBand=null, residence=null, value=7.0]",
                        "Fact[measure=population, year=2024, region=101, sex=null, ageBand=null, residence=null, value=41.0]",
                        "Fact[measure=population, year=2024, region=102, sex=null, ageBand=null, residence=null, value=5.0]"),
                sorted(narrowed(spark, facts, rule("z", "statistical", null, null, "population", List.of("region")))));

        // a term's filter keeps its dimension: girls against all, by town: 2024's 101 is F 30 and M 11
        assertEquals(List.of(
                        "Fact[measure=population, year=2023, region=101, sex=M, ageBand=null, residence=null, value=7.0]",
                        "Fact[measure=population, year=2024, region=101, sex=F, ageBand=null, residence=null, value=30.0]",
                        "Fact[measure=population, year=2024, region=101, sex=M, ageBand=null, residence=null, value=11.0]",
                        "Fact[measure=population, year=2024, region=102, sex=F, ageBand=null, residence=null, value=5.0]"),
                sorted(narrowed(spark, facts, rule("l", "logical", "population{sex=F}", "population", null, List.of("region")))));
    }

    @Test
    void aRuleJudgesTheSumsAsItWouldEveryFact() {
        SparkSession spark = Spark.session(Spark.localWarehouse(tmp.resolve("home")));
        // town 101: girls 10 + 20 = 30 against boys 11 + 8 = 19, so girls <= boys breaks; town 102: 5 against 6 holds
        List<Row> facts = List.of(
                fact("population", 2024, "101", "F", "0-17", "urban", 10), fact("population", 2024, "101", "F", "18+", "urban", 20),
                fact("population", 2024, "101", "M", "0-17", "rural", 11), fact("population", 2024, "101", "M", "18+", "rural", 8),
                fact("population", 2024, "102", "F", "0-17", "rural", 5), fact("population", 2024, "102", "M", "0-17", "rural", 6));
        ValidationRules.Rule girlsWithinBoys = rule("g", "logical", "population{sex=F}", "population{sex=M}", null, List.of("region"));
        List<Fact> sums = narrowed(spark, facts, girlsWithinBoys);
        List<Fact> every = facts.stream().map(MeasureGate::fact).toList();

        List<MeasureChecks.Breach> fromSums = new MeasureChecks(2024).check(List.of(girlsWithinBoys), sums, List.of());
        List<MeasureChecks.Breach> fromEvery = new MeasureChecks(2024).check(List.of(girlsWithinBoys), every, List.of());
        assertEquals(1, fromSums.size());
        assertEquals("region=101", fromSums.get(0).groupKey());
        assertEquals("population{sex=F} = 30 is not <= population{sex=M} = 19", fromSums.get(0).reason());
        assertEquals(fromEvery.stream().map(b -> b.groupKey() + ": " + b.reason()).toList(),
                fromSums.stream().map(b -> b.groupKey() + ": " + b.reason()).toList());
    }
}
