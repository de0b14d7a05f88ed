package de.augenhoehe.portal.meinbereich.betrieb;

import java.io.Serializable;

/**
 * One thing the night shift should know, in words: shown in the summary at the top of the page, and as the message
 * after a redrive — a flash attribute, kept in the JDBC session until the next page, hence serializable.
 */
public record Befund(Stufe stufe, String text) implements Serializable {
}
