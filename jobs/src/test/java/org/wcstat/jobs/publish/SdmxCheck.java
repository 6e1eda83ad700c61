package org.wcstat.jobs.publish;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads an SDMX-ML 3.0 structure message and checks SDMX-CSV 2.0 rows against the data structure it
 * defines: the columns and their order, the structure reference, every coded value in its code list,
 * the time period, the measure, and CONF_STATUS=C exactly where the value is withheld.
 */
final class SdmxCheck {
    static final String STR = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure";

    final String structureId;
    final List<String> dimensions = new ArrayList<>();
    final List<String> attributes = new ArrayList<>();
    final String measure;
    /** The codes of the code list each coded component is enumerated by. */
    final Map<String, Set<String>> codes = new HashMap<>();

    SdmxCheck(Path structure) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(structure.toFile());
        Map<String, Set<String>> lists = new HashMap<>();
        NodeList cls = doc.getElementsByTagNameNS(STR, "Codelist");
        for (int i = 0; i < cls.getLength(); i++) {
            Element cl = (Element) cls.item(i);
            Set<String> ids = new HashSet<>();
            NodeList cs = cl.getElementsByTagNameNS(STR, "Code");
            for (int j = 0; j < cs.getLength(); j++) ids.add(((Element) cs.item(j)).getAttribute("id"));
            lists.put(urn("codelist.Codelist", cl), ids);
        }
        Element dsd = (Element) doc.getElementsByTagNameNS(STR, "DataStructure").item(0);
        assertNotNull(dsd, "no DataStructure in " + structure);
        structureId = dsd.getAttribute("agencyID") + ":" + dsd.getAttribute("id") + "(" + dsd.getAttribute("version") + ")";
        Map<Integer, String> byPosition = new java.util.TreeMap<>();
        NodeList dims = dsd.getElementsByTagNameNS(STR, "Dimension");
        for (int i = 0; i < dims.getLength(); i++) {
            Element d = (Element) dims.item(i);
            byPosition.put(Integer.parseInt(d.getAttribute("position")), d.getAttribute("id"));
            codes.put(d.getAttribute("id"), enumeration(d, lists));
        }
        dimensions.addAll(byPosition.values());
        NodeList time = dsd.getElementsByTagNameNS(STR, "TimeDimension");
        assertEquals(1, time.getLength(), "one time dimension");
        dimensions.add(((Element) time.item(0)).getAttribute("id"));
        NodeList atts = dsd.getElementsByTagNameNS(STR, "Attribute");
        for (int i = 0; i < atts.getLength(); i++) {
            Element a = (Element) atts.item(i);
            attributes.add(a.getAttribute("id"));
            codes.put(a.getAttribute("id"), enumeration(a, lists));
        }
        measure = ((Element) dsd.getElementsByTagNameNS(STR, "Measure").item(0)).getAttribute("id");
    }

    /** The CSV's rows as column → value, after checking each against the structure. */
    List<Map<String, String>> check(Path csv) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv.toFile())) {
            it.forEachRemaining(lines::add);
        }
        List<String> expected = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        expected.addAll(dimensions);
        expected.add(measure);
        expected.addAll(attributes);
        assertEquals(expected, List.of(lines.get(0)), "SDMX-CSV 2.0 header");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String[] line = lines.get(n);
            String where = csv.getFileName() + " row " + (n + 1) + ": ";
            assertEquals(expected.size(), line.length, where + "column count");
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < line.length; i++) row.put(expected.get(i), line[i]);
            assertEquals("datastructure", row.get("STRUCTURE"), where + "STRUCTURE");
            assertEquals(structureId, row.get("STRUCTURE_ID"), where + "STRUCTURE_ID");
            assertEquals("I", row.get("ACTION"), where + "ACTION");
            for (var c : codes.entrySet()) {
                String v = row.get(c.getKey());
                if (!c.getValue().contains(v)) fail(where + c.getKey() + " " + v + " is not in its code list " + c.getValue());
            }
            assertTrue(row.get("TIME_PERIOD").matches("\\d{4}"), where + "TIME_PERIOD " + row.get("TIME_PERIOD"));
            String value = row.get(measure);
            if (!value.isEmpty()) Double.parseDouble(value);
            boolean confidential = row.get("CONF_STATUS").equals("C");
            if (confidential) assertEquals("", value, where + "a confidential cell has no value");
            if (value.isEmpty() && !confidential) {
                assertEquals("M", row.get("OBS_STATUS"), where + "a missing value that is not withheld cannot exist");
            }
            rows.add(row);
        }
        return rows;
    }

    private static Set<String> enumeration(Element component, Map<String, Set<String>> lists) {
        Element e = (Element) component.getElementsByTagNameNS(STR, "Enumeration").item(0);
        assertNotNull(e, component.getAttribute("id") + " has no code list");
        Set<String> ids = lists.get(e.getTextContent().strip());
        assertNotNull(ids, component.getAttribute("id") + " refers to a code list not in the message: " + e.getTextContent());
        return ids;
    }

    private static String urn(String kind, Element maintainable) {
        return "urn:sdmx:org.sdmx.infomodel." + kind + "=" + maintainable.getAttribute("agencyID") + ":"
                + maintainable.getAttribute("id") + "(" + maintainable.getAttribute("version") + ")";
    }
}
