package org.genrebench.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes WAV (RIFF) and Sun {@code .au} files to a mono float clip at the file's own sample rate.
 * The container is recognised by its magic bytes, not the file name.
 */
public final class AudioReader {
    private AudioReader() {
    }

    public static AudioClip read(Path file) {
        ByteBuffer bytes = ByteBuffer.wrap(readBytes(file));
        if (bytes.limit() == 0) throw new AudioFormatException(file, "empty file");
        PcmLayout layout;
        if (WavParser.matches(bytes)) {
            layout = WavParser.parse(bytes, file);
        } else if (AuParser.matches(bytes)) {
            layout = AuParser.parse(bytes, file);
        } else {
            throw new AudioFormatException(file, "not a RIFF/WAVE or Sun .au file");
        }
        return layout.decodeMono(bytes, file);
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new AudioFormatException(file, "permission denied, cannot read the file");
        } catch (IOException e) {
            throw new AudioFormatException(file, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
