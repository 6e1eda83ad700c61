package org.wcstat.jobs.publish;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * sdmx/data.csv, the indicator values as SDMX-CSV 2.0, and sdmx/structure.xml, the data structure
 * definition it refers to as an SDMX-ML 3.0 structure message with a code list for every coded component.
 */
final class SdmxFiles {
    static final String DATA = "data.csv";
    static final String STRUCTURE = "structure.xml";
    private static final String MES = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message";
    private static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure";
    private static final String COM = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    private final Sdmx model;
    private final int year;
    private final Instant prepared;

    /** @param prepared when the data were fixed (their snapshot's commit), so the file reads the same every time */
    SdmxFiles(Sdmx model, int year, Instant prepared) {
        this.model = model;
        this.year = year;
        this.prepared = prepared.truncatedTo(ChronoUnit.SECONDS);
    }

    void write(Path dir, List<PublishedValue> values) throws IOException {
        write(dir, values, Set.of());
    }

    /** @param revised the keys ({@link RevisionNote#key}) of values this revision changed: OBS_STATUS R */
    void write(Path dir, List<PublishedValue> values, Set<String> revised) throws IOException {
        Files.createDirectories(dir);
        writeData(dir.resolve(DATA), values, revised);
        try (OutputStream out = Files.newOutputStream(dir.resolve(STRUCTURE))) {
            writeStructure(out);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + dir.resolve(STRUCTURE) + ": " + e.getMessage(), e);
        }
    }

    private void writeData(Path file, List<PublishedValue> values, Set<String> revised) throws IOException {
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        header.addAll(Sdmx.DIMENSIONS);
        header.add(Sdmx.MEASURE);
        header.addAll(Sdmx.ATTRIBUTES);
        List<List<Object>> rows = new ArrayList<>(values.size());
        for (PublishedValue v : values) {
            // I: information, the whole content of the release rather than a change to an earlier one
            rows.add(List.of("datastructure", model.structureId(), "I", v.indicator(), v.region(), v.sex(),
                    model.ageCode(v.ageBand()), v.residence(), String.valueOf(v.year()),
                    CsvFiles.text(v.value()), obsStatus(v, revised), v.confStatus()));
        }
        CsvFiles.write(file, header, rows);
    }

    private static String obsStatus(PublishedValue v, Set<String> revised) {
        if (v.suppressed() || v.value() == null) return v.obsStatus();
        boolean changed = revised.contains(RevisionNote.key(v.indicator(), v.year(), v.region(), v.sex(), v.ageBand(), v.residence(), v.pooledYears()));
        return changed ? "R" : v.obsStatus();
    }

    private void writeStructure(OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        Xml w = new Xml(x);
        x.writeStartDocument("UTF-8", "1.0");
        w.open("mes", "Structure", MES);
        x.writeNamespace("mes", MES);
        x.writeNamespace("str", STR);
        x.writeNamespace("com", COM);
        w.open("mes", "Header", MES);
        w.text("mes", "ID", MES, Sdmx.DSD + "_" + year);
        w.text("mes", "Test", MES, "false");
        w.text("mes", "Prepared", MES, prepared.toString());
        w.empty("mes", "Sender", MES, Map.of("id", model.agency));
        w.close();
        w.open("mes", "Structures", MES);

        w.open("str", "Codelists", STR);
        for (Sdmx.Codelist cl : model.codelists.values()) {
            w.open("str", "Codelist", STR, maintainable(cl.id()));
            names(w, cl.nameZh(), cl.nameEn());
            for (Sdmx.Code c : cl.codes().values()) {
                w.open("str", "Code", STR, Map.of("id", c.id()));
                names(w, c.nameZh(), c.nameEn());
                w.close();
            }
            w.close();
        }
        w.close();

        w.open("str", "Concepts", STR);
        w.open("str", "ConceptScheme", STR, maintainable(Sdmx.CONCEPTS));
        names(w, "妇女儿童统计概念", "Women and children statistics concepts");
        for (String c : components()) {
            w.open("str", "Concept", STR, Map.of("id", c));
            Sdmx.Codelist cl = model.codelistOf(c);
            String en = switch (c) {
                case "TIME_PERIOD" -> "Time period";
                case "OBS_VALUE" -> "Observation value";
                default -> cl.nameEn();
            };
            String zh = switch (c) {
                case "TIME_PERIOD" -> "时期";
                case "OBS_VALUE" -> "观测值";
                default -> cl.nameZh();
            };
            names(w, zh, en);
            w.close();
        }
        w.close();
        w.close();

        w.open("str", "DataStructures", STR);
        w.open("str", "DataStructure", STR, maintainable(Sdmx.DSD));
        names(w, "妇女儿童发展纲要监测数据", "Monitoring data of the women's and children's development outlines");
        w.open("str", "DataStructureComponents", STR);
        w.open("str", "DimensionList", STR, Map.of("id", "DimensionDescriptor"));
        int position = 1;
        for (String d : Sdmx.DIMENSIONS) {
            boolean time = d.equals("TIME_PERIOD");
            w.open("str", time ? "TimeDimension" : "Dimension", STR,
                    time ? Map.of("id", d) : ordered("id", d, "position", String.valueOf(position)));
            position++;
            w.text("str", "ConceptIdentity", STR, model.conceptUrn(d));
            w.open("str", "LocalRepresentation", STR);
            if (time) {
                w.empty("str", "TextFormat", STR, Map.of("textType", "ObservationalTimePeriod"));
            } else {
                w.text("str", "Enumeration", STR, model.codelistUrn(model.codelistOf(d).id()));
            }
            w.close();
            w.close();
        }
        w.close();
        w.open("str", "AttributeList", STR, Map.of("id", "AttributeDescriptor"));
        for (String a : Sdmx.ATTRIBUTES) {
            w.open("str", "Attribute", STR, ordered("id", a, "usage", "mandatory"));
            w.text("str", "ConceptIdentity", STR, model.conceptUrn(a));
            w.open("str", "LocalRepresentation", STR);
            w.text("str", "Enumeration", STR, model.codelistUrn(model.codelistOf(a).id()));
            w.close();
            w.open("str", "AttributeRelationship", STR);
            w.empty("str", "Observation", STR, Map.of());
            w.close();
            w.close();
        }
        w.close();
        w.open("str", "MeasureList", STR, Map.of("id", "MeasureDescriptor"));
        w.open("str", "Measure", STR, ordered("id", Sdmx.MEASURE, "usage", "optional"));
        w.text("str", "ConceptIdentity", STR, model.conceptUrn(Sdmx.MEASURE));
        w.open("str", "LocalRepresentation", STR);
        w.empty("str", "TextFormat", STR, Map.of("textType", "Double"));
        w.close();
        w.close();
        w.close();
        w.close();
        w.close();
        w.close();

        w.close();
        w.close();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.close();
    }

    private static List<String> components() {
        List<String> c = new ArrayList<>(Sdmx.DIMENSIONS);
        c.add(Sdmx.MEASURE);
        c.addAll(Sdmx.ATTRIBUTES);
        return c;
    }

    private Map<String, String> maintainable(String id) {
        return ordered("id", id, "agencyID", model.agency, "version", Sdmx.VERSION);
    }

    private static void names(Xml w, String zh, String en) throws XMLStreamException {
        w.name(zh, "zh");
        w.name(en, "en");
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    /** Indented writing over StAX, which writes everything on one line. */
    private static final class Xml {
        private final XMLStreamWriter x;
        private int depth;

        Xml(XMLStreamWriter x) {
            this.x = x;
        }

        void open(String prefix, String name, String ns) throws XMLStreamException {
            open(prefix, name, ns, Map.of());
        }

        void open(String prefix, String name, String ns, Map<String, String> attributes) throws XMLStreamException {
            indent();
            x.writeStartElement(prefix, name, ns);
            for (var a : attributes.entrySet()) x.writeAttribute(a.getKey(), a.getValue());
            depth++;
        }

        void close() throws XMLStreamException {
            depth--;
            indent();
            x.writeEndElement();
        }

        void empty(String prefix, String name, String ns, Map<String, String> attributes) throws XMLStreamException {
            indent();
            x.writeEmptyElement(prefix, name, ns);
            for (var a : attributes.entrySet()) x.writeAttribute(a.getKey(), a.getValue());
        }

        void text(String prefix, String name, String ns, String text) throws XMLStreamException {
            indent();
            x.writeStartElement(prefix, name, ns);
            x.writeCharacters(text);
            x.writeEndElement();
        }

        void name(String text, String lang) throws XMLStreamException {
            indent();
            x.writeStartElement("com", "Name", COM);
            x.writeAttribute("xml", XML, "lang", lang);
            x.writeCharacters(text);
            x.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            x.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
