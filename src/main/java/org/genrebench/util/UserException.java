package org.genrebench.util;

/**
 * A failure caused by the user's input or environment (missing folder, malformed CSV, unreadable audio),
 * with a message that names the offending file and says what is wrong. The CLI prints it as one line.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
