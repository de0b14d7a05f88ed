package de.augenhoehe.outreach;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.augenhoehe.testing.TestHttp;
import de.augenhoehe.testing.TestTokens;

/**
 * What the ITs of one network share: the running service and its database, a fresh network and a coordinator of it;
 * the service's mails go to the harness's mailbox.
 */
abstract class NetworkIT {

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        MailLinks.register(registry);
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    final UUID network = UUID.randomUUID();
    final String coordinator = TestTokens.subject("koordinatorin").roles("coordinator").networks(List.of(network)).sign();

    TestHttp http() {
        return new TestHttp(port);
    }
}
