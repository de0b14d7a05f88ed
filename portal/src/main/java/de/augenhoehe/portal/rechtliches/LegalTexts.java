package de.augenhoehe.portal.rechtliches;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The texts the law asks for, configured by the operator ({@code augenhoehe.portal.legal.*} for the platform,
 * {@code augenhoehe.portal.networks.<network id>.*} for a network's own pages). A network names only what differs:
 * everything it leaves out is the platform's. The defaults in application.yml are demo texts an operator must replace.
 *
 * @param legal the platform's provider (Anbieter) and its statements
 * @param networks each network's own provider by the network's id
 */
@ConfigurationProperties("augenhoehe.portal")
record LegalTexts(Provider legal, Map<String, Provider> networks) {

    LegalTexts {
        legal = legal == null ? Provider.EMPTY : legal;
        networks = networks == null ? Map.of() : Map.copyOf(networks);
    }

    /** The provider of a network's pages: its own settings over the platform's. */
    Provider of(String networkId) {
        Provider own = networks.get(networkId);
        return own == null ? legal : own.or(legal);
    }

    /**
     * @param name the provider (Anbieter), e.g. "Fachkräftenetzwerk Heilbronn, c/o Agentur für Arbeit Heilbronn"
     * @param address postal address, one line each
     * @param representedBy who represents the provider (§ 5 DDG)
     * @param register register entry (court and number), where there is one
     * @param vatId VAT id (USt-IdNr.), where there is one
     * @param responsibleForContent responsible for the content (§ 18 Abs. 2 MStV): name and address
     * @param dataProtectionOfficer how to reach the data protection officer
     * @param supervisoryAuthority the data protection supervisory authority responsible for the provider
     * @param logRetention how long the gateway's access log keeps a visitor's address
     */
    record Provider(String name, List<String> address, String representedBy, String email, String phone, String register,
            String vatId, String responsibleForContent, String dataProtectionOfficer, String supervisoryAuthority,
            String logRetention, Accessibility accessibility) {

        static final Provider EMPTY = new Provider(null, null, null, null, null, null, null, null, null, null, null, null);

        Provider or(Provider base) {
            return new Provider(pick(name, base.name), address == null || address.isEmpty() ? base.address : address,
                    pick(representedBy, base.representedBy), pick(email, base.email), pick(phone, base.phone),
                    pick(register, base.register), pick(vatId, base.vatId), pick(responsibleForContent, base.responsibleForContent),
                    pick(dataProtectionOfficer, base.dataProtectionOfficer), pick(supervisoryAuthority, base.supervisoryAuthority),
                    pick(logRetention, base.logRetention),
                    accessibility == null ? base.accessibility : accessibility.or(base.accessibility));
        }
    }

    /**
     * The accessibility statement (BITV 2.0 § 7, the EU model statement).
     *
     * @param status how far the pages comply: "vollständig vereinbar", "teilweise vereinbar" or "nicht vereinbar"
     * @param knownGaps what is not accessible yet, and why, each in one sentence
     * @param statementDate when the statement was made (or last reviewed)
     * @param method how compliance was assessed
     * @param feedbackEmail where "Barriere melden" writes to
     * @param enforcementBody the conciliation body (Schlichtungsstelle), one line each
     */
    record Accessibility(String status, List<String> knownGaps, LocalDate statementDate, String method, String feedbackEmail,
            List<String> enforcementBody) {

        Accessibility or(Accessibility base) {
            if (base == null) {
                return this;
            }
            return new Accessibility(pick(status, base.status), knownGaps == null ? base.knownGaps : knownGaps,
                    statementDate == null ? base.statementDate : statementDate, pick(method, base.method),
                    pick(feedbackEmail, base.feedbackEmail), enforcementBody == null ? base.enforcementBody : enforcementBody);
        }
    }

    private static String pick(String own, String base) {
        return own == null || own.isBlank() ? base : own;
    }
}
