package org.genrebench.util;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every CSV file the project reads or writes, through commons-csv. Written as RFC 4180 with {@code \n} line ends, a
 * cell quoted only where it must be (a comma, quote or line break in it; also a leading space or {@code #}), so a
 * name such as {@code rock, "live"} is kept as it is, not rewritten. Read back cell for cell as text: no cell is
 * re-typed, blank lines are skipped, and every record knows the line it starts on; a malformed file fails with one
 * line naming the file and that line.
 */
public final class Csv {
    private static final CSVFormat WRITTEN = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /**
     * How a file to read is laid out.
     *
     * @param delimiter    the cell separator
     * @param hashComments whether a line starting with {@code #} is a comment
     */
    public record Dialect(char delimiter, boolean hashComments) {
        /** Commas, no comments: what {@link #printer} writes. */
        public static final Dialect STANDARD = new Dialect(',', false);

        public Dialect withHashComments() {
            return new Dialect(delimiter, true);
        }

        private CSVFormat format() {
            // Empty lines come back as records, so that the line each record starts on can be counted (they are
            // skipped below); spaces around a cell, outside its quotes, are not part of it.
            return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).setCommentMarker(hashComments ? '#' : null).get();
        }
    }

    /** One record: the 1-based line of the file it starts on, and its cells as written. */
    public record Record(int line, List<String> cells) {
        /** The cell at {@code column}, or {@code ""} past the end of a short record. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        public int size() {
            return cells.size();
        }
    }

    /** A printer that streams records to {@code out} (flush it before {@code out} is closed). */
    public static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, WRITTEN);
    }

    /** Every non-blank record of {@code in}, in order; {@code file} names it in errors. */
    public static List<Record> readAll(Path file, Reader in, Dialect dialect) {
        List<Record> all = new ArrayList<>();
        try (Records records = read(file, in, dialect)) {
            records.forEachRemaining(all::add);
        }
        return all;
    }

    /** The non-blank records of {@code in}, streamed; {@code file} names it in errors. */
    public static Records read(Path file, Reader in, Dialect dialect) {
        try {
            return new Records(file, CSVParser.parse(in, dialect.format()));
        } catch (IOException e) {
            throw failure(file, 1, e);
        }
    }

    /**
     * Records read one at a time. Malformed CSV (a quote never closed, text after a closing quote) is a
     * {@link UserException} {@code FILE:LINE: malformed CSV: ...}; an unreadable file one naming the file.
     */
    public static final class Records implements Iterator<Record>, AutoCloseable {
        private final Path file;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private Record next;

        private Records(Path file, CSVParser parser) {
            this.file = file;
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                long linesBefore = parser.getCurrentLineNumber();
                CSVRecord r;
                try {
                    if (!records.hasNext()) return false;
                    r = records.next();
                } catch (UncheckedIOException e) {
                    throw failure(file, linesBefore + 1, e.getCause());
                }
                if (r.size() == 1 && r.get(0).isBlank()) continue;
                long comments = r.hasComment() ? r.getComment().lines().count() : 0; // comment lines are read with the record after them
                next = new Record((int) (linesBefore + 1 + comments), r.toList());
            }
            return true;
        }

        @Override
        public Record next() {
            if (!hasNext()) throw new NoSuchElementException();
            Record r = next;
            next = null;
            return r;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static UserException failure(Path file, long line, IOException e) {
        if (!(e instanceof CSVException)) return new UserException("cannot read " + file + ": " + e.getMessage(), e);
        String m = e.getMessage();
        String what = m.contains("EOF reached before encapsulated token finished")
                ? "a quoted cell is never closed (an unbalanced quote)"
                : m.startsWith("Invalid character between encapsulated token and delimiter")
                ? "text after a quoted cell's closing quote (a quote inside a cell is written twice: \"\")"
                : m.replaceFirst("^\\((start)?line \\d+\\) ", "");
        return new UserException(file + ":" + line + ": malformed CSV: " + what, e);
    }
}
