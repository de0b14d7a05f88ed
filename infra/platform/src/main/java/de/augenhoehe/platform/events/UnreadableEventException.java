package de.augenhoehe.platform.events;

/** An event that no retry can make readable: it goes to the dead-letter topic at once. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
