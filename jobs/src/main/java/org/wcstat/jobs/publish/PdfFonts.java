package org.wcstat.jobs.publish;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.wcstat.core.yaml.ConfigException;
import org.wcstat.core.config.Configuration;
import org.wcstat.core.yaml.YamlLocator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The fonts yearbook.pdf embeds: a Chinese font and a font for the symbols it lacks (≤, ≥, ±), both coming
 * with wcstat (resources {@code fonts/}, their licences beside them), so publishing needs no font on the
 * machine. A county may name its own Chinese font in conf/yearbook.yaml ({@code pdf_font}); then it is checked
 * before anything is loaded, since PDFBox can embed only TrueType outlines.
 */
public final class PdfFonts {
    static final String CHINESE = "fonts/DroidSansFallbackFull.ttf";
    static final String SYMBOLS = "fonts/DejaVuSans.ttf";
    /** Characters every yearbook prints; a font without them cannot set its title. */
    private static final String PROBE = "妇女儿童统计资料年";

    private final Optional<Path> configured;
    /** Where the font is named, "yearbook.yaml:line:column: pdf_font <path>", to start a message about it. */
    private final String named;

    private PdfFonts(Optional<Path> configured, String named) {
        this.configured = configured;
        this.named = named;
    }

    /** The fonts of a configuration: its {@code pdf_font}, a path relative to the configuration folder, or the bundled one. */
    public static PdfFonts of(Configuration config) {
        Optional<Path> font = config.yearbook().pdfFontFile().map(p -> config.folder().file("yearbook.yaml").resolveSibling(p));
        return new PdfFonts(font, font.map(p -> YamlLocator.at(config.folder().file("yearbook.yaml"), "pdf_font") + ": pdf_font " + p)
                .orElse("the bundled " + CHINESE));
    }

    /** Whether conf/yearbook.yaml names a font of the machine's instead of the one wcstat brings. */
    public Optional<Path> configured() {
        return configured;
    }

    /** Checks that the Chinese font can be read and embedded; the message says what to change. */
    public void check() {
        byte[] bytes = chineseBytes();
        try (TrueTypeFont font = new OTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new ConfigException(named + " has PostScript (CFF) outlines, which a PDF cannot embed as a subset:"
                        + " name a TrueType font (.ttf with glyf outlines) instead, or remove pdf_font to use the bundled one");
            }
            var cmap = font.getUnicodeCmapLookup(false);
            for (int i = 0; i < PROBE.length(); i++) {
                if (cmap == null || cmap.getGlyphId(PROBE.charAt(i)) == 0) {
                    throw new ConfigException(named + " has no glyph for '" + PROBE.charAt(i) + "': yearbook.pdf needs a"
                            + " font with Chinese glyphs; name another .ttf, or remove pdf_font to use the bundled one");
                }
            }
        } catch (IOException e) {
            throw new ConfigException(named + " is not a TrueType font (" + e.getMessage() + "): name a .ttf file, or"
                    + " remove pdf_font to use the bundled one");
        }
    }

    /**
     * The fonts parsed, kept for the next document: a yearbook's PDF otherwise parses the 4 MB Chinese font anew.
     * Their glyph substitutions (GSUB) are off: PDFBox applies the Latin ones to every string it writes, a fifth of
     * the PDF's time, for ligatures and mark composition that the yearbook's Chinese text, figures and codes do not
     * use. A parsed font is not safe for two documents at once, so each document printing takes a parse of its own
     * from here, or makes one when all are in use (the volumes of a province print side by side), and gives it back.
     */
    private static final Map<String, Queue<TrueTypeFont>> FREE = new ConcurrentHashMap<>();

    /** The page number's size and its baseline's height above the page's foot, in the middle of the 16 mm bottom margin. */
    private static final float PAGE_NUMBER_SIZE = 8f;
    private static final float PAGE_NUMBER_BASELINE = 20f;

    /** Registers both fonts, for normal and bold weights (bold would otherwise fall back to a standard, unembedded PDF font), as subsets embedded in the document. */
    private static void register(PdfRendererBuilder pdf, PDFont chinese, PDFont symbols) {
        for (int weight : new int[]{400, 700}) {
            pdf.useFont(new PDFontSupplier(chinese), "yearbook", weight, BaseRendererBuilder.FontStyle.NORMAL, true);
            pdf.useFont(new PDFontSupplier(symbols), "yearbook-symbols", weight, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
    }

    /** Prints an XHTML page to a PDF file with these fonts embedded, its pages numbered at the foot. */
    void print(Path file, String xhtml) throws IOException {
        print(file, List.of(xhtml));
    }

    /**
     * Prints XHTML documents one after another into one PDF file with these fonts embedded (and their inline SVG drawn
     * as vector graphics), its pages numbered at the foot through all of them. Each document is laid out and printed
     * before the next is read, so a long publication held as parts never has its whole layout in memory; each part
     * starts on a new page.
     */
    void print(Path file, List<String> parts) throws IOException {
        String chineseKey = configured.map(p -> p.toAbsolutePath().toString()).orElse(CHINESE);
        TrueTypeFont chineseFont = take(chineseKey, this::chineseBytes);
        TrueTypeFont symbolsFont = null;
        try {
            symbolsFont = take(SYMBOLS, () -> resource(SYMBOLS));
            try (PDDocument doc = new PDDocument()) {
                PDFont chinese = PDType0Font.load(doc, chineseFont, true);
                PDFont symbols = PDType0Font.load(doc, symbolsFont, true);
                for (String xhtml : parts) {
                    PdfRendererBuilder pdf = new PdfRendererBuilder();
                    pdf.useFastMode();
                    pdf.usePDDocument(doc);
                    register(pdf, chinese, symbols);
                    // scripts and external resources stay off: charts are drawn from the page alone
                    pdf.useSVGDrawer(new BatikSVGDrawer());
                    pdf.withHtmlContent(xhtml, null);
                    try (PdfBoxRenderer renderer = pdf.buildPdfRenderer()) {
                        renderer.layout();
                        renderer.createPDFWithoutClosing();
                    }
                }
                numberPages(doc, symbols);
                try (OutputStream out = Files.newOutputStream(file)) {
                    doc.save(out);
                }
            }
        } finally {
            giveBack(chineseKey, chineseFont);
            if (symbolsFont != null) giveBack(SYMBOLS, symbolsFont);
        }
    }

    /**
     * The page's number, centred in the bottom margin in the symbols' font (the Chinese font has no digits): printed
     * here rather than by the style's counter(page), which starts again at 1 in each part.
     */
    private static void numberPages(PDDocument doc, PDFont font) throws IOException {
        int number = 0;
        for (PDPage page : doc.getPages()) {
            String text = String.valueOf(++number);
            PDRectangle box = page.getMediaBox();
            float width = font.getStringWidth(text) / 1000 * PAGE_NUMBER_SIZE;
            try (PDPageContentStream foot = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                foot.beginText();
                foot.setFont(font, PAGE_NUMBER_SIZE);
                foot.newLineAtOffset(box.getLowerLeftX() + (box.getWidth() - width) / 2, box.getLowerLeftY() + PAGE_NUMBER_BASELINE);
                foot.showText(text);
                foot.endText();
            }
        }
    }

    private static TrueTypeFont take(String key, Supplier<byte[]> bytes) {
        TrueTypeFont free = FREE.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        if (free != null) return free;
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes.get()));
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + key + ": " + e.getMessage(), e);
        }
    }

    private static void giveBack(String key, TrueTypeFont font) {
        FREE.get(key).add(font);
    }

    private byte[] chineseBytes() {
        if (configured.isEmpty()) {
            return resource(CHINESE);
        }
        Path file = configured.get();
        if (!Files.isReadable(file)) {
            throw new ConfigException(named + " is not there or cannot be read: correct"
                    + " the path (relative paths are read from the configuration folder), or remove pdf_font to use the"
                    + " Chinese font that comes with wcstat");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(named + " cannot be read: " + e.getMessage());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is missing from wcstat's jar; rebuild it (mvn -B install)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
