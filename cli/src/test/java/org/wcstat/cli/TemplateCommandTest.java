package org.wcstat.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** wcstat template writes a department's blank return from its source file alone, and refuses a database's. */
class TemplateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheReturnOfADepartmentThatReportsByFile() throws Exception {
        Path conf = TestRepo.copyOfConf(tmp.resolve("conf"));
        Files.writeString(conf.resolve("sources/returns_only.yaml"), """
                department: returns_only
                name_zh: 妇联
                name_en: Women's Federation
                file:
                  path: returns/returns_only/{year}/报表.xlsx
                extracts:
                  - name: points
                    sheet: 指导站
                    header_row: 2
                    measure: family_education_points
                    region: {code: 乡镇代码}
                    value: {column: 指导站数}
                """);
        Path out = tmp.resolve("return.xlsx");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Wcstat.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute("template", "--source", "returns_only", "--year", "2025", "--out", out.toString(),
                "--home", tmp.resolve("home").toString(), "--conf", conf.toString());
        assertEquals(0, code, e.toString());
        assertTrue(o.toString().contains("wrote " + out + ": the 2025 return of 妇联 (1 sheet(s) to fill in); when it comes back, put it at "
                + tmp.resolve("home").resolve("returns/returns_only/2025/报表.xlsx")), o.toString());
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("填表说明", "代码表", "指导站"), IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList());
            // a region by code: the towns' codes written in and offered, the first of conf/regions.yaml 元坝镇 510811100
            assertEquals("乡镇代码", wb.getSheet("指导站").getRow(1).getCell(0).getStringCellValue());
            assertEquals("510811100", wb.getSheet("指导站").getRow(2).getCell(0).getStringCellValue());
            assertEquals("510811100", wb.getSheet("代码表").getRow(1).getCell(0).getStringCellValue());
            String instructions = wb.getSheet("填表说明").getRow(0).getCell(0).getStringCellValue();
            assertEquals("2025年 妇联 统计报表 填表说明", instructions);
        }
        // a department with a database has no return
        StringWriter err = new StringWriter();
        CommandLine db = Wcstat.commandLine();
        db.setErr(new PrintWriter(err));
        assertEquals(Wcstat.CONFIG_ERROR, db.execute("template", "--source", "health", "--year", "2025", "--out", tmp.resolve("x.xlsx").toString(),
                "--conf", conf.toString()));
        assertTrue(err.toString().contains("health reads a database (jdbc: in " + conf.resolve("sources/health.yaml") + ")"), err.toString());
    }
}
