package de.augenhoehe.outreach;

import org.springframework.test.context.DynamicPropertyRegistry;

import de.augenhoehe.testing.Mailbox;
import de.augenhoehe.testing.Mailbox.Mail;

/** What outreach's mails mean for a test (which link holds which token); the SMTP server is the harness's {@link Mailbox}. */
public final class MailLinks {

    private MailLinks() {
    }

    /** Sends to the harness's mailbox instead of the embedded local server of demo runs. */
    public static void register(DynamicPropertyRegistry registry) {
        Mailbox.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("augenhoehe.outreach.mail.local-server.enabled", () -> "false");
    }

    public static String confirmationToken(Mail mail) {
        return Mailbox.group(mail, "bestaetigen\\?token=([A-Za-z0-9_-]{43})");
    }

    public static String managementToken(Mail mail) {
        return Mailbox.group(mail, "meine-daten\\?id=[0-9a-f-]{36}&token=([A-Za-z0-9_-]{43})");
    }

    public static String returneeId(Mail mail) {
        return Mailbox.group(mail, "meine-daten\\?id=([0-9a-f-]{36})");
    }
}
