package de.augenhoehe.measures.registrations;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import de.augenhoehe.measures.registrations.Registrations.Contact;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The mails to the person who registered, through the configured SMTP server (as outreach-service sends its mails).
 * They carry the registration's secret — in the fragment of a link to the portal's page, which sends it in the
 * {@code Registration-Token} header: a fragment never reaches a server, a log or a Referer. The name someone typed
 * is not repeated (anyone can type any name for any address); the log names the registration id only.
 */
@Component
class RegistrationMails {

    private static final Logger log = LoggerFactory.getLogger(RegistrationMails.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'").withZone(ZoneId.of("Europe/Berlin"));

    private final JavaMailSender sender;
    private final String from;
    private final String baseUrl;
    private final String managePage;

    RegistrationMails(JavaMailSender sender, @Value("${augenhoehe.measures.mail.from:massnahmen@augenhoehe.local}") String from,
            @Value("${augenhoehe.measures.public-base-url:http://127.0.0.1:8080}") String baseUrl,
            @Value("${augenhoehe.measures.registrations.manage-page:/massnahmen/anmeldung/verwalten}") String managePage) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.managePage = managePage;
    }

    /** The portal page that confirms, cancels, exports and erases with the secret (documented in the README). */
    String manageLink(UUID registration, String token) {
        return baseUrl + managePage + "#anmeldung=" + registration + "&token=" + token;
    }

    void registered(Contact to, Registered r, String token) {
        String state = r.status() == Registered.Status.WAITLISTED
                ? "auf der Warteliste (Platz " + r.waitlistPosition() + ")" : "bestätigt";
        String action = r.holdUntil() == null ? "Anmeldung verwalten:" : """
                Bitte bestätigen Sie die Anmeldung bis %s über diesen Link, sonst geben wir die Plätze wieder frei:"""
                .formatted(UNTIL.format(r.holdUntil()));
        send(to, (r.holdUntil() == null ? "Ihre Anmeldung: " : "Bitte bestätigen Sie Ihre Anmeldung: ") + to.measureTitle(), """
                Guten Tag,

                mit dieser E-Mail-Adresse wurden %s für „%s“ angemeldet. Stand: %s.

                %s
                %s

                Über denselben Link können Sie die Anmeldung jederzeit stornieren und Ihre Daten einsehen oder löschen.
                Bitte bewahren Sie diese E-Mail auf.

                Die Termine für Ihren Kalender (iCalendar): %s

                Haben Sie sich nicht angemeldet? Dann ignorieren Sie diese E-Mail%s.
                """.formatted(places(to.places()), to.measureTitle(), state, action, manageLink(r.id(), token),
                calendarLink(to.measure()), r.holdUntil() == null ? "" : "; ohne Bestätigung verfällt die Anmeldung"));
    }

    void cancelledByHost(Contact to, String reason) {
        send(to, "Abgesagt: Ihre Anmeldung zu " + to.measureTitle(), """
                Guten Tag,

                der Veranstalter hat Ihre Anmeldung zu „%s“ (%s) storniert. Seine Begründung:

                %s

                Bei Fragen wenden Sie sich bitte an den Veranstalter.
                """.formatted(to.measureTitle(), places(to.places()), reason.strip()));
    }

    String calendarLink(UUID measure) {
        return baseUrl + "/api/measures/" + measure + "/calendar";
    }

    private static String places(int n) {
        return n == 1 ? "1 Platz" : n + " Plätze";
    }

    private void send(Contact to, String subject, String text) {
        if (to.email() == null) {
            log.info("Registration {} has no address any more (erased): no mail", to.registration());
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to.email());
        mail.setSubject(subject);
        mail.setText(text);
        try {
            sender.send(mail);
        } catch (MailException e) {
            log.warn("Mail for registration {} could not be sent: {}", to.registration(), e.getClass().getSimpleName());
            throw ProblemType.MAIL_UNAVAILABLE.exception("The mail could not be sent; please try again later");
        }
        log.info("Mail sent for registration {}", to.registration());
    }
}
