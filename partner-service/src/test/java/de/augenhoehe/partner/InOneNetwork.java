package de.augenhoehe.partner;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The base of the integration tests that work in one fresh network with its coordinator ({@link TestNetwork}), made
 * before each test; partners are companies unless a test says otherwise.
 */
abstract class InOneNetwork {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    TestNetwork net;
    UUID network;
    String coordinator;

    Api api() {
        return new Api(port);
    }

    /** The Kreise of the network. */
    String[] region() {
        return new String[] { "08121" };
    }

    @BeforeEach
    void a_network_with_its_coordinator() {
        net = TestNetwork.create(api(), region());
        network = net.id();
        coordinator = net.coordinator();
    }

    UUID partner(String name) {
        return net.partner(name, "COMPANY");
    }

    UUID member(String name) {
        return net.member(name, "COMPANY");
    }
}
