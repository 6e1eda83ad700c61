package org.wcstat.jobs.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.config.Configuration;
import org.wcstat.jobs.TestRepo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The font yearbook.pdf embeds comes with wcstat; a county's own font is checked before anything is loaded. */
class PdfFontsTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedConfigurationNeedsNoFontOfTheMachine() {
        PdfFonts fonts = PdfFonts.of(Configuration.load(TestRepo.demoConf()));
        assertTrue(fonts.configured().isEmpty(), "conf/yearbook.yaml names no system font");
        assertDoesNotThrow(fonts::check);
    }

    @Test
    void aMissingFontIsNamedWithTheFix() throws IOException {
        Path conf = confWithFont("fonts/NotoSansSC-Regular.ttf");
        ConfigException e = assertThrows(ConfigException.class, () -> PdfFonts.of(Configuration.load(conf)).check());
        // named at its line in the folder's yearbook.yaml: the last one, after "pdf_font: "
        Path yearbook = conf.resolve("yearbook.yaml");
        int line = Files.readAllLines(yearbook).size();
        assertTrue(e.getMessage().contains(yearbook + ":" + line + ":11: pdf_font " + conf.resolve("fonts/NotoSansSC-Regular.ttf")
                + " is not there"), e.getMessage());
        assertTrue(e.getMessage().contains("remove pdf_font"), e.getMessage());
    }

    @Test
    void aFontWithoutChineseGlyphsIsRefused() throws IOException {
        // DejaVu Sans, the bundled symbol font, has Latin and symbols but no 妇
        Path conf = confWithFont("latin.ttf");
        copyResource(PdfFonts.SYMBOLS, conf.resolve("latin.ttf"));
        ConfigException e = assertThrows(ConfigException.class, () -> PdfFonts.of(Configuration.load(conf)).check());
        assertTrue(e.getMessage().contains("has no glyph for '妇'"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAFontIsRefused() throws IOException {
        Path conf = confWithFont("notes.ttf");
        Files.writeString(conf.resolve("notes.ttf"), "not a font");
        ConfigException e = assertThrows(ConfigException.class, () -> PdfFonts.of(Configuration.load(conf)).check());
        assertTrue(e.getMessage().contains("is not a TrueType font"), e.getMessage());
    }

    @Test
    void aCountysOwnTrueTypeFontIsAccepted() throws IOException {
        Path conf = confWithFont(tmp.resolve("own.ttf").toString());
        copyResource(PdfFonts.CHINESE, tmp.resolve("own.ttf"));
        assertDoesNotThrow(() -> PdfFonts.of(Configuration.load(conf)).check());
    }

    private Path confWithFont(String font) throws IOException {
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        Path yearbook = conf.resolve("yearbook.yaml");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(yearbook));
        lines.add("pdf_font: " + font);
        Files.write(yearbook, lines);
        return conf;
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
    }
}
