package org.wcstat.cli.demo;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The committee for the care of the next generation (区关工委) has no database: each year it fills in the
 * bureau's return, an XLSX workbook, with its "五老" volunteers (retired cadres, veterans, experts, teachers
 * and model workers who mentor children) by town, and a 合计 row the load checks against the towns.
 * It lands at &lt;home&gt;/returns/next_generation/&lt;year&gt;/关工委报表.xlsx, as conf/sources/next_generation.yaml reads it.
 *
 * <p>Invented for the demo: 20 to 49 volunteers a town, a few more each year.
 */
final class NextGenerationReturnDemo {
    static final String SHEET = "五老志愿者";

    private NextGenerationReturnDemo() {
    }

    /** Writes every year's return; returns the town rows written. */
    static int write(Path home) throws Exception {
        int rows = 0;
        for (int year = DemoDistrict.FIRST_YEAR; year <= DemoDistrict.LAST_YEAR; year++) {
            Path file = home.resolve("returns/next_generation/" + year + "/关工委报表.xlsx");
            Files.createDirectories(file.getParent());
            Random r = new Random(77_000L + year);
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = wb.createSheet(SHEET);
                sheet.createRow(0).createCell(0).setCellValue(year + "年 关心下一代工作委员会 五老志愿者统计表");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
                Row heading = sheet.createRow(1);
                heading.createCell(0).setCellValue("序号");
                heading.createCell(1).setCellValue("乡镇");
                heading.createCell(2).setCellValue("五老志愿者人数");
                int total = 0;
                for (int i = 0; i < DemoDistrict.TOWNS.size(); i++) {
                    int n = 20 + r.nextInt(30) + (year - DemoDistrict.FIRST_YEAR);
                    Row row = sheet.createRow(2 + i);
                    row.createCell(0).setCellValue(i + 1);
                    row.createCell(1).setCellValue(DemoDistrict.TOWNS.get(i).nameZh());
                    row.createCell(2).setCellValue(n);
                    total += n;
                    rows++;
                }
                Row sum = sheet.createRow(2 + DemoDistrict.TOWNS.size());
                sum.createCell(0).setCellValue("合计");
                sum.createCell(2).setCellValue(total);
                sheet.createRow(4 + DemoDistrict.TOWNS.size()).createCell(0).setCellValue("填表人：王建国    填报日期：" + (year + 1) + "年1月15日");
                wb.write(out);
            }
        }
        return rows;
    }
}
