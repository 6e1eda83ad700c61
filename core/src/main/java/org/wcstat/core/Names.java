package org.wcstat.core;

/** A Chinese and an English name, held by each constant of a {@link Coded} enum. */
public record Names(String zh, String en) implements Bilingual {
}
