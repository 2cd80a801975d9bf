package org.genrebench.dataset;

import org.genrebench.util.UserException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a CSV file a user gives (feature table, manifest): UTF-8, without the byte-order mark Excel writes; a
 * {@code .gz} file is decompressed first.
 */
final class CsvText {
    private CsvText() {
    }

    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (file.getFileName().toString().endsWith(".gz")) {
                try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    throw new UserException(file + ": not a readable gzip file (" + e.getMessage() + ")");
                }
            }
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new UserException(file + ": not UTF-8 text (is it a spreadsheet saved in another encoding or format?)");
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage()), e);
        }
    }
}
