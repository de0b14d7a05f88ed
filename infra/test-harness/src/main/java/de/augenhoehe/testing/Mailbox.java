package de.augenhoehe.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) for the tests of this JVM, one for all of a module's test contexts; the services send
 * to it through their own mail clients. A service's tests add what its mails mean (which link holds which token).
 */
public final class Mailbox {

    private static final GreenMail SERVER = start();

    private Mailbox() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    /** What a Spring context needs to send here. */
    public static Map<String, Object> properties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", SERVER.getSmtp().getPort());
    }

    public record Mail(String to, String subject, String body) {
    }

    public static List<Mail> all() {
        return Arrays.stream(SERVER.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    public static List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the {@code n}-th mail to an address (1-based) and returns it. */
    public static Mail await(String address, int n) {
        Eventually.await(n + " mail(s) to the test address", Duration.ofSeconds(30), () -> to(address).size() >= n);
        return to(address).get(n - 1);
    }

    /** Waits for the first mail that matches, e.g. the one whose link names a registration. */
    public static Mail awaitFirst(String what, Predicate<Mail> matching) {
        Eventually.await(what, Duration.ofSeconds(30), () -> all().stream().anyMatch(matching));
        return all().stream().filter(matching).findFirst().orElseThrow();
    }

    /** The first group of an expression in the mail's body; fails the test when it is not there. */
    public static String group(Mail mail, String regex) {
        Matcher m = Pattern.compile(regex).matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in mail " + mail.subject() + ": " + mail.body());
        }
        return m.group(1);
    }

    private static Mail mail(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return new Mail(to == null || to.length == 0 ? "" : to[0].toString(), m.getSubject(), String.valueOf(m.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
