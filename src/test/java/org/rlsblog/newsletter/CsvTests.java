package org.rlsblog.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void prefixesCellsASpreadsheetWouldRunAsAFormula() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+31@example.nl")).isEqualTo("'+31@example.nl");
        assertThat(Csv.cell("-x@example.nl")).isEqualTo("'-x@example.nl");
        assertThat(Csv.cell("@x@example.nl")).isEqualTo("'@x@example.nl");
        assertThat(Csv.cell("reader@example.nl")).isEqualTo("reader@example.nl");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        assertThat(Csv.row("a,b", "c\"d", "")).isEqualTo("\"a,b\",\"c\"\"d\",\r\n");
    }
}
