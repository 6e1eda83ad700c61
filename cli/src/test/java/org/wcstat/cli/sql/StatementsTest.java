package org.wcstat.cli.sql;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementsTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndCommentsAndKeepsTheStartLine() {
        List<Statements.Statement> s = Statements.split("""
                SELECT ';' AS a, `x;y` FROM t; -- a comment; with a semicolon
                /* block;
                   comment */ SELECT "b;c"
                  FROM u;

                SELECT 3""");
        assertEquals(3, s.size());
        assertEquals("SELECT ';' AS a, `x;y` FROM t", s.get(0).sql());
        assertEquals(1, s.get(0).line());
        assertEquals("SELECT \"b;c\"\n  FROM u", s.get(1).sql());
        assertEquals(3, s.get(1).line());
        assertEquals("SELECT 3", s.get(2).sql());
        assertEquals(6, s.get(2).line());
    }

    @Test
    void aStatementIsCompleteAtItsSemicolonOnly() {
        assertTrue(Statements.complete("SELECT 1;"));
        assertTrue(Statements.complete("SELECT 1;  -- done"));
        assertFalse(Statements.complete("SELECT 1"));
        assertFalse(Statements.complete("SELECT ';"));
        assertFalse(Statements.complete("SELECT 1 /* ; */"));
    }

    @Test
    void chineseCharactersTakeTwoColumns() {
        assertEquals(6, AlignedTable.displayWidth("昭化镇"));
        assertEquals(5, AlignedTable.displayWidth("5.0‰a"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ResultFormat.TABLE.write(List.of("镇", "n"), List.of(Arrays.asList("卫子镇", null)), new PrintStream(b, true, StandardCharsets.UTF_8));
        assertEquals("""
                +--------+------+
                | 镇     | n    |
                +--------+------+
                | 卫子镇 | NULL |
                +--------+------+
                (1 row)
                """, b.toString(StandardCharsets.UTF_8));
    }
}
