package de.augenhoehe.outreach.returnees;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.ProblemType;

/**
 * The mails to a returnee, sent through the configured SMTP server. Each sent mail is recorded by kind and time
 * (for the Art. 15 export); the log names only the pseudonymous returnee id, never the address.
 */
@Component
class ReturneeMails {

    private static final Logger log = LoggerFactory.getLogger(ReturneeMails.class);

    enum Kind { CONFIRMATION, ALREADY_SIGNED_UP, MATCH }

    private final JavaMailSender sender;
    private final JdbcTemplate jdbc;
    private final String from;
    private final String baseUrl;

    ReturneeMails(JavaMailSender sender, JdbcTemplate jdbc,
            @Value("${augenhoehe.outreach.mail.from:rueckkehr@augenhoehe.local}") String from,
            @Value("${augenhoehe.outreach.public-base-url}") String baseUrl) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String confirmationLink(String token) {
        return baseUrl + "/rueckkehr/bestaetigen?token=" + token;
    }

    String managementLink(UUID returnee, String token) {
        return baseUrl + "/rueckkehr/meine-daten?id=" + returnee + "&token=" + token;
    }

    // No text of the caller goes into a mail (not even the name they typed): a sign-up for somebody else's address
    // mails only our own words and the links. The address is the only thing from the request.

    void confirmation(UUID returnee, String email, String confirmToken, String manageToken, long hours) {
        send(returnee, email, Kind.CONFIRMATION, "Bitte bestätigen Sie Ihre Anmeldung – Zurück in die Heimat", """
                Guten Tag,

                schön, dass Sie über eine Rückkehr nachdenken! Bitte bestätigen Sie Ihre Anmeldung innerhalb von %d Stunden:

                %s

                Erst nach der Bestätigung verwenden wir Ihre Angaben. Haben Sie sich nicht angemeldet, ignorieren Sie diese Mail.

                Ihre Daten einsehen, exportieren, Einwilligungen widerrufen oder alles löschen (bitte aufbewahren):
                %s

                Bestätigungs-Code / confirmation code: %s
                Verwaltungs-Code / management code: %s
                """.formatted(hours, confirmationLink(confirmToken), managementLink(returnee, manageToken),
                confirmToken, manageToken));
    }

    /** To a confirmed person whose address was used for a new sign-up: nothing changed, and no new link. */
    void alreadySignedUp(UUID returnee, String email) {
        send(returnee, email, Kind.ALREADY_SIGNED_UP, "Sie sind bereits angemeldet – Zurück in die Heimat", """
                Guten Tag,

                mit dieser E-Mail-Adresse hat sich gerade jemand erneut angemeldet. Sie sind bereits angemeldet; an Ihren
                Angaben hat sich nichts geändert.

                Ihre Daten verwalten Sie weiterhin über den Verwaltungslink aus Ihrer Bestätigungs-Mail. Waren Sie das
                nicht, können Sie diese Mail ignorieren.
                """);
    }

    void match(UUID returnee, String email, String what) {
        send(returnee, email, Kind.MATCH, "Eine passende Stelle in Ihrer Heimat", """
                Guten Tag,

                es gibt ein neues passendes Angebot: %s
                Mehr dazu im Portal: %s

                Keine Benachrichtigungen mehr? Widerrufen Sie die Einwilligung über den Verwaltungslink aus Ihrer Bestätigungs-Mail.
                """.formatted(what, baseUrl));
    }

    private void send(UUID returnee, String email, Kind kind, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(email);
        mail.setSubject(subject);
        mail.setText(text);
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("Mail {} to returnee {} could not be sent: {}", kind, returnee, e.getClass().getSimpleName());
            throw ProblemType.MAIL_UNAVAILABLE.exception("The mail could not be sent; please try again later");
        }
        jdbc.update("insert into mail_sent (id, returnee_id, kind) values (?, ?, ?)", UUID.randomUUID(), returnee, kind.name());
        log.info("Mail {} sent to returnee {}", kind, returnee);
    }
}
