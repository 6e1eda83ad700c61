package org.wcstat.core;

/**
 * A name readers see, in Chinese and in English: a code of a dimension, a progress status, a warning
 * kind or severity. Each carries both from its constructor, so no code is ever shown without its name.
 */
public interface Bilingual {
    String zh();

    String en();
}
