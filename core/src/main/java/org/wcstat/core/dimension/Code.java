package org.wcstat.core.dimension;

import org.wcstat.core.Bilingual;

/** One code of a dimension with its Chinese and English names, e.g. F 女 female. */
public record Code(String code, String zh, String en) implements Bilingual {
}
