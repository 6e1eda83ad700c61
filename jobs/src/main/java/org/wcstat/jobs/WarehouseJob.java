package org.wcstat.jobs;

/**
 * A stage that tends the whole warehouse rather than one year (maintain): a run of several years runs it
 * once, after every year, instead of after each.
 */
public interface WarehouseJob extends Job {
}
