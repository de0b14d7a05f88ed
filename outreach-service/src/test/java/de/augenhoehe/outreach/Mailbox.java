package de.augenhoehe.outreach;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.augenhoehe.testing.Eventually;

/** A real SMTP server (GreenMail) for the tests of this JVM; the service sends to it through its mail client. */
public final class Mailbox {

    private static final GreenMail SERVER = start();

    private Mailbox() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SERVER.getSmtp().getPort());
        registry.add("augenhoehe.outreach.mail.local-server.enabled", () -> "false");
    }

    public record Mail(String to, String subject, String body) {
    }

    public static List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).map(Mailbox::mail).filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the {@code n}-th mail to an address (1-based) and returns it. */
    public static Mail await(String address, int n) {
        Eventually.await(n + " mail(s) to the test address", Duration.ofSeconds(30), () -> to(address).size() >= n);
        return to(address).get(n - 1);
    }

    public static String confirmationToken(Mail mail) {
        return group(mail, "bestaetigen\\?token=([A-Za-z0-9_-]{43})");
    }

    public static String managementToken(Mail mail) {
        return group(mail, "meine-daten\\?id=[0-9a-f-]{36}&token=([A-Za-z0-9_-]{43})");
    }

    public static String returneeId(Mail mail) {
        return group(mail, "meine-daten\\?id=([0-9a-f-]{36})");
    }

    private static String group(Mail mail, String regex) {
        Matcher m = Pattern.compile(regex).matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in mail " + mail.subject());
        }
        return m.group(1);
    }

    private static Mail mail(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return new Mail(to == null || to.length == 0 ? "" : to[0].toString(), m.getSubject(), String.valueOf(m.getContent()));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
