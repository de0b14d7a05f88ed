package de.augenhoehe.vacancy.employers;

/** partner-events as this feature reads it; required fields are read with ReceivedEvent's readers (dead-letter, never retry). */
final class PartnerEvents {

    static final String TOPIC = "partner-events";

    private PartnerEvents() {
    }
}
