package de.augenhoehe.portal.meinbereich.betrieb;

/**
 * How bad a finding is. Each has a word and a sign besides its colour (CSS class), so that nobody needs to tell
 * colours apart to see a problem. Public, like the page's other view types: the templates' expressions call only public
 * methods of public types.
 */
public enum Stufe {
    STOERUNG("Störung", "✕", "stoerung"),
    WARNUNG("Warnung", "!", "warnung"),
    OK("In Ordnung", "✓", "ok");

    private final String wort;
    private final String zeichen;
    private final String klasse;

    Stufe(String wort, String zeichen, String klasse) {
        this.wort = wort;
        this.zeichen = zeichen;
        this.klasse = klasse;
    }

    public String wort() {
        return wort;
    }

    public String zeichen() {
        return zeichen;
    }

    public String klasse() {
        return klasse;
    }

    static Stufe schlimmste(Stufe a, Stufe b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
