package de.augenhoehe.measures;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import de.augenhoehe.testing.Eventually;

/**
 * A real SMTP server (GreenMail) for the tests of this JVM, as outreach-service's tests have one; every test context
 * of this module sends its mails there ({@link Customizers}, registered in {@code META-INF/spring.factories}).
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

    /** What a context needs to send here: for a second instance started by hand. */
    static Map<String, Object> properties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", SERVER.getSmtp().getPort());
    }

    record Mail(String to, String subject, String body) {
    }

    static List<Mail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Waits for the {@code n}-th mail to an address (1-based) and returns it. */
    static Mail await(String address, int n) {
        Eventually.await(n + " mail(s) to the test address", Duration.ofSeconds(30), () -> to(address).size() >= n);
        return to(address).get(n - 1);
    }

    /** The mail about a registration (its link names the registration), waiting for it: addresses repeat across tests. */
    static Mail about(Object registration) {
        String marker = "#anmeldung=" + registration + "&";
        Eventually.await("the mail of registration " + registration, Duration.ofSeconds(30), () -> all().stream().anyMatch(m -> m.body().contains(marker)));
        return all().stream().filter(m -> m.body().contains(marker)).findFirst().orElseThrow();
    }

    /** The secret of a registration, from the link in its mail (the fragment the portal page reads). */
    static String token(Object registration) {
        Mail mail = about(registration);
        Matcher m = Pattern.compile("/massnahmen/anmeldung/verwalten#anmeldung=" + registration + "&token=([A-Za-z0-9_-]{43})\\s")
                .matcher(mail.body());
        if (!m.find()) {
            throw new AssertionError("no registration link in mail " + mail.subject() + ": " + mail.body());
        }
        return m.group(1);
    }

    static List<Mail> all() {
        return Arrays.stream(SERVER.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    private static Mail mail(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return new Mail(to == null || to.length == 0 ? "" : to[0].toString(), m.getSubject(), String.valueOf(m.getContent()));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A test class that configures its own (unreachable) mail server. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface NotUsed {
    }

    /** Points every Spring test context of this module at the test SMTP server (unless its class says {@link NotUsed}). */
    public static final class Customizers implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return testClass.isAnnotationPresent(NotUsed.class) ? null : new ToMailbox();
        }
    }

    private record ToMailbox() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mailbox", properties()));
        }
    }
}
