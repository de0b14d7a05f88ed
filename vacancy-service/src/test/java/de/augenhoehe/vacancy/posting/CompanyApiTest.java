package de.augenhoehe.vacancy.posting;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import de.augenhoehe.testing.RealInfrastructure;

/**
 * What the posting features' API tests share: the running service on real PostgreSQL (a database of each test class's
 * own) and Kafka, an HTTP client, member companies made through real partner-events, and a network of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(isolatedDatabase = true)
abstract class CompanyApiTest {

    @LocalServerPort int port;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired JdbcTemplate jdbc;

    Http http;
    Companies companies;
    final UUID network = UUID.randomUUID();

    @BeforeEach
    void setUpCompanyApi() {
        http = new Http(port);
        companies = new Companies(kafka, jdbc);
    }
}
