package org.genrebench.audio;

import org.genrebench.util.UserException;

import java.nio.file.Path;

/** An audio file that cannot be decoded; the message is one line naming the file and the defect. */
public final class AudioFormatException extends UserException {
    public AudioFormatException(Path file, String problem) {
        super("cannot read audio file " + file + ": " + problem);
    }
}
