package org.wcstat.jobs.validate;

import java.util.Map;

/** One value of facts.observation, as measure rules read it. */
public record Fact(String measure, int year, String region, String sex, String ageBand, String residence, double value) {

    /** The fact's code in a dimension, as formulas and rules name dimensions. */
    String dimension(String name) {
        return switch (name) {
            case "region" -> region;
            case "sex" -> sex;
            case "age" -> ageBand;
            case "residence" -> residence;
            default -> throw new IllegalArgumentException("no dimension " + name);
        };
    }

    boolean in(Map<String, String> group) {
        return group.entrySet().stream().allMatch(e -> e.getValue().equals(dimension(e.getKey())));
    }
}
