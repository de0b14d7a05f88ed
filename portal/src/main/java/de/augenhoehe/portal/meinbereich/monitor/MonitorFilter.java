package de.augenhoehe.portal.meinbereich.monitor;

/** The monitor's GET form: the period (months, {@code yyyy-MM}) and, for the chart, a Kreis and an occupation group. */
public class MonitorFilter {

    private String von = "";
    private String bis = "";
    private String kreis = "";
    private String gruppe = "";

    public String getVon() {
        return von;
    }

    public void setVon(String von) {
        this.von = von == null ? "" : von.strip();
    }

    public String getBis() {
        return bis;
    }

    public void setBis(String bis) {
        this.bis = bis == null ? "" : bis.strip();
    }

    public String getKreis() {
        return kreis;
    }

    public void setKreis(String kreis) {
        this.kreis = kreis == null ? "" : kreis.strip();
    }

    public String getGruppe() {
        return gruppe;
    }

    public void setGruppe(String gruppe) {
        this.gruppe = gruppe == null ? "" : gruppe.strip();
    }
}
