package org.genrebench.dataset;

import org.genrebench.feature.FeatureSchema;
import org.genrebench.dataset.Sample;
import org.genrebench.util.Csv;
import org.genrebench.util.UserException;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A table of model inputs, one row per song or per part of a song. Two schemas are read:
 *
 * <p>The community GTZAN feature table ({@code features_30_sec.csv}, or {@code features_3_sec.csv} whose rows are
 * 3-second chunks {@code blues.00000.3.wav} that map back to their song), read by its schema: {@code filename},
 * {@code label}, exactly the 57 feature columns of {@link FeatureSchema} by name (in any order) and optionally
 * {@code length}. Parsing (quotes, separators) is {@link Csv}'s; every departure from the schema — an unnamed pandas
 * index column, an extra or missing column, a cell that is not a finite number, one file with two labels — fails
 * with one message naming the file and line. Repeated rows are dropped and named in {@link #dropped()} (by line); a label
 * that contradicts a GTZAN file name is named in {@link #warnings()}.
 *
 * <p>An embedding table ({@code extract --embedding}, or the shipped musicnn taggrams): {@code filename},
 * {@code label}, {@code patch} (the patch's index in its song), optionally {@code split}, and value columns all named
 * {@code MODEL:LAYER:NAME} (e.g. {@code msd-musicnn:taggram:rock}); {@link #embedding()} is {@code MODEL:LAYER}. Each
 * row is one patch of its song. Either table may be gzip-compressed ({@code .csv.gz}).
 */
public record FeatureTable(Path source, List<String> featureNames, List<Row> rows, List<String> dropped,
                           List<String> warnings, String embedding) {

    /** One table row: item id (the file name without extension), its song, its genre and feature values. */
    public record Row(String id, String songId, String label, double[] features) {
    }

    public FeatureTable(Path source, List<String> featureNames, List<Row> rows) {
        this(source, featureNames, rows, List.of(), List.of(), null);
    }

    /** Whether this is an embedding table ({@link #embedding()} names its model and layer). */
    public boolean isEmbedding() {
        return embedding != null;
    }

    /** The model inputs: every schema column but {@code length}, which describes the file, not the music. */
    public static final List<String> FEATURES = FeatureSchema.COLUMNS.stream().filter(c -> !c.equals("length")).toList();
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d*,\\d+([eE][-+]?\\d+)?");

    public static FeatureTable read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("feature table not found: " + file);
        String text = CsvText.read(file);
        char separator = separator(file, text);
        // every cell as it stands: "NaN" or "NA" are named below, never read as missing
        List<Csv.Record> records = Csv.readAll(file, new StringReader(text), new Csv.Dialect(separator, false));
        if (records.isEmpty()) throw new UserException(file + ":1: empty file, expected a header line");
        Header h = header(file, records.getFirst());
        List<Row> rows = new ArrayList<>();
        List<String> dropped = new ArrayList<>(), warnings = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Row> firstRow = new LinkedHashMap<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            int line = record.line();
            if (record.size() != h.columns()) {
                throw new UserException(file + ":" + line + ": expected " + h.columns() + " columns, found " + record.size());
            }
            Row row = parseRow(file, record, h, separator);
            Row earlier = firstRow.get(row.id());
            if (earlier != null) {
                String where = file + ":" + line + ": " + row.id();
                if (!earlier.label().equals(row.label())) {
                    throw new UserException(where + " has label '" + row.label() + "' here but '" + earlier.label()
                            + "' on line " + firstLine.get(row.id()) + "; one file cannot have two genres");
                }
                if (!Arrays.equals(earlier.features(), row.features())) {
                    throw new UserException(where + " appears again (first on line " + firstLine.get(row.id())
                            + ") with different feature values; which one is right?");
                }
                dropped.add("line " + line + ": " + row.id() + " repeats line " + firstLine.get(row.id()) + " exactly; the repeat is dropped");
                continue;
            }
            firstRow.put(row.id(), row);
            firstLine.put(row.id(), line);
            rows.add(row);
            String named = TrackIds.gtzanGenreNamed(row.id().substring(row.id().lastIndexOf('/') + 1)).orElse(row.label());
            if (!named.equals(row.label())) {
                warnings.add(file + ":" + line + ": " + row.id() + " is a GTZAN " + named + " file but labelled '"
                        + row.label() + "'");
            }
        }
        if (rows.isEmpty()) throw new UserException(file + ": no data rows");
        return new FeatureTable(file, h.names(), List.copyOf(rows), List.copyOf(dropped), List.copyOf(warnings), h.embedding());
    }

    /**
     * Positions of the schema's columns in the file.
     *
     * @param columns   the number of columns in the header
     * @param patch     the {@code patch} column of an embedding table, else -1
     * @param names     the value columns' names, in the order of {@code features}
     * @param embedding {@code MODEL:LAYER} of an embedding table, else null
     */
    private record Header(int columns, int filename, int label, int[] features, int patch, List<String> names, String embedding) {
    }

    private static final Pattern EMBEDDING_COLUMN = Pattern.compile("([a-z0-9-]+:[a-z0-9_]+):.+");

    /** {@code column 4 'chroma_stft_var'}: the 1-based position in the file and the name. */
    private static String column(Header h, int feature) {
        return "column " + (h.features()[feature] + 1) + " '" + h.names().get(feature) + "'";
    }

    private static Header header(Path file, Csv.Record header) {
        int n = header.size();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) names.add(header.cell(c).strip());
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < n; c++) {
            String name = names.get(c);
            if (name.isEmpty() || name.matches("Unnamed: \\d+")) {
                throw new UserException(file + ":1: column " + (c + 1) + " has no name" + (c == 0
                        ? ": a pandas index column? Write the table with to_csv(index=False), or drop that column" : ""));
            }
            Integer before = at.put(name, c);
            if (before != null) throw new UserException(file + ":1: column '" + name + "' appears twice (columns " + (before + 1) + " and " + (c + 1) + ")");
        }
        if (at.containsKey("patch")) return embeddingHeader(file, names, at);
        List<String> missing = new ArrayList<>();
        for (String required : List.of("filename", "label")) if (!at.containsKey(required)) missing.add(required);
        for (String f : FEATURES) if (!at.containsKey(f)) missing.add(f);
        if (!missing.isEmpty()) {
            throw new UserException(file + ":1: " + missing.size() + " column(s) of the community schema missing: "
                    + String.join(", ", missing.subList(0, Math.min(6, missing.size()))) + (missing.size() > 6 ? ", ..." : "")
                    + " (header: " + abbreviate(String.join(",", names)) + ")");
        }
        List<String> extra = names.stream().filter(c -> !c.equals("filename") && !c.equals("label") && !c.equals("length")
                && !FEATURES.contains(c)).toList();
        if (!extra.isEmpty()) {
            throw new UserException(file + ":1: column(s) not in the community schema: " + String.join(", ", extra)
                    + "; a model would use them as features (drop them, or rename them if they are schema columns)");
        }
        return new Header(names.size(), at.get("filename"), at.get("label"), FEATURES.stream().mapToInt(at::get).toArray(), -1, FEATURES, null);
    }

    /** The embedding schema: filename, label, patch, optional split, then {@code MODEL:LAYER:NAME} value columns. */
    private static Header embeddingHeader(Path file, List<String> names, Map<String, Integer> at) {
        for (String required : List.of("filename", "label")) {
            if (!at.containsKey(required)) throw new UserException(file + ":1: embedding table without a '" + required + "' column");
        }
        List<String> values = names.stream().filter(c -> !List.of("filename", "label", "patch", "split").contains(c)).toList();
        if (values.isEmpty()) throw new UserException(file + ":1: embedding table without value columns");
        String embedding = null;
        for (String c : values) {
            var m = EMBEDDING_COLUMN.matcher(c);
            if (!m.matches()) {
                throw new UserException(file + ":1: embedding column '" + c + "' is not named MODEL:LAYER:NAME (e.g. msd-musicnn:max_pool:0)");
            }
            if (embedding != null && !embedding.equals(m.group(1))) {
                throw new UserException(file + ":1: columns of two embeddings, " + embedding + " and " + m.group(1) + "; one table holds one");
            }
            embedding = m.group(1);
        }
        return new Header(names.size(), at.get("filename"), at.get("label"), values.stream().mapToInt(at::get).toArray(), at.get("patch"), values, embedding);
    }

    private static Row parseRow(Path file, Csv.Record record, Header h, char separator) {
        int line = record.line();
        String filename = record.cell(h.filename()).strip();
        String label = record.cell(h.label()).strip();
        String item = TrackIds.itemId(filename);
        if (item.isEmpty() || label.isEmpty()) throw new UserException(file + ":" + line + ": empty filename or label");
        String id = item;
        if (h.patch() >= 0) {
            String patch = record.cell(h.patch()).strip();
            if (!patch.matches("\\d{1,6}")) throw new UserException(file + ":" + line + ": patch must be a patch number, got '" + patch + "'");
            id = item + "#" + Integer.parseInt(patch);
        }
        double[] x = new double[h.features().length];
        for (int j = 0; j < x.length; j++) {
            String cell = record.cell(h.features()[j]).strip();
            String number = separator == ';' && DECIMAL_COMMA.matcher(cell).matches() ? cell.replace(',', '.') : cell;
            if (cell.isEmpty()) throw new UserException(file + ":" + line + ": " + column(h, j) + " is empty");
            try {
                x[j] = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new UserException(file + ":" + line + ": " + column(h, j) + " is not a number: '" + cell + "'");
            }
            if (!Double.isFinite(x[j])) {
                throw new UserException(file + ":" + line + ": " + column(h, j) + " is not finite: '" + cell + "'");
            }
        }
        return new Row(id, TrackIds.songId(item), label, x);
    }

    /** {@code ,} or, for a header with semicolons and no commas (a spreadsheet in a decimal-comma locale), {@code ;}. */
    private static char separator(Path file, String text) {
        String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (header.indexOf(',') < 0 && header.indexOf(';') >= 0) return ';';
        if (header.indexOf(',') < 0 && header.indexOf('\t') >= 0) {
            throw new UserException(file + ":1: the header is tab-separated; the feature table is a comma-separated CSV");
        }
        return ',';
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Genre names in sorted order; a sample's label is its index here. */
    public List<String> classNames() {
        return List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
    }

    /** One sample per row; the group is the song, so all chunks of a song stay on one side of every split. */
    public List<Sample<double[]>> samples() {
        List<String> classes = classNames();
        return rows.stream().map(r -> new Sample<>(r.features(), r.songId(), classes.indexOf(r.label()))).toList();
    }

    /** Whether rows are sub-song chunks (the 3-second table) rather than whole songs. */
    public boolean chunked() {
        return rows.stream().map(Row::songId).distinct().count() < rows.size();
    }
}
