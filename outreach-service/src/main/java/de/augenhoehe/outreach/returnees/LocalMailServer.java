package de.augenhoehe.outreach.returnees;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For local runs only ({@code augenhoehe.outreach.mail.local-server.enabled}, on in demo mode): a real embedded SMTP
 * server (GreenMail) on {@code spring.mail.port}, so sign-ups can be confirmed without a mail provider. Operators
 * read the received mails at {@code /internal/mails} (operations role); the log only says which returnee got mail.
 * An erased returnee's mails are deleted from it as well.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("augenhoehe.outreach.mail.local-server.enabled")
class LocalMailServer {

    @Bean(destroyMethod = "stop")
    GreenMail localSmtpServer(@Value("${spring.mail.host:127.0.0.1}") String host, @Value("${spring.mail.port:3025}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Erasure clears the person's mails here too (the demo mailbox would otherwise keep their address). */
    @Bean
    Erasure.LocalMailbox localMailbox(GreenMail server) {
        return address -> server.getUserManager().findUsers(u -> address.equalsIgnoreCase(u.getEmail())).toList()
                .forEach(user -> {
                    try {
                        server.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
                    } catch (FolderException e) {
                        throw new IllegalStateException(e);
                    }
                    server.getUserManager().deleteUser(user);
                });
    }

    record ReceivedMail(List<String> to, String subject, String text) {
    }

    @RestController
    @Tag(name = "operations")
    @ConditionalOnBooleanProperty("augenhoehe.outreach.mail.local-server.enabled")
    static class ReceivedMails {

        static final int LIMIT = 200;

        private final GreenMail server;

        ReceivedMails(GreenMail server) {
            this.server = server;
        }

        @GetMapping("/internal/mails")
        @Operation(summary = "The newest 200 mails received by the local SMTP server (local runs only; operations role)")
        List<ReceivedMail> received() throws MessagingException {
            MimeMessage[] messages = server.getReceivedMessages();
            // the newest LIMIT mails only: a long demo run must not answer with every mail it ever received
            return Arrays.stream(messages).skip(Math.max(0, messages.length - LIMIT)).map(m -> {
                try {
                    return new ReceivedMail(Arrays.stream(m.getAllRecipients()).map(Address::toString).toList(),
                            m.getSubject(), String.valueOf(m.getContent()));
                } catch (MessagingException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
