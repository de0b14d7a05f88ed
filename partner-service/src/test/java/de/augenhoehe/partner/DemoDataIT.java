package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.testing.RealInfrastructure;

import java.util.UUID;

/** Demo mode: the Heilbronn and Ems-Achse networks with their partners as active members, created once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "augenhoehe.demo.enabled=true")
@RealInfrastructure(isolatedDatabase = true)
class DemoDataIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    @Test
    void the_seed_networks_have_their_regions_and_active_members() {
        Api api = new Api(port);
        var heilbronn = json(api.send("GET", "/api/networks/" + DemoNetworks.HEILBRONN, null, null));
        assertThat(heilbronn.get("region").toString()).isEqualTo("[\"08121\",\"08125\"]");
        var ems = json(api.send("GET", "/api/networks/" + DemoNetworks.EMS_ACHSE, null, null));
        assertThat(ems.get("region").toString()).isEqualTo("[\"03454\",\"03457\",\"03452\",\"03456\",\"03462\",\"03402\"]");
        assertThat(ems.get("legalForm").asString()).isEqualTo("REGISTERED_ASSOCIATION");

        var hnMembers = json(api.send("GET", "/api/networks/" + DemoNetworks.HEILBRONN + "/partners?size=100", null, null));
        assertThat(hnMembers.get("total").asLong()).isEqualTo(7);
        assertThat(hnMembers.toString()).contains("IG Metall Heilbronn-Neckarsulm").contains("Südwestmetall").doesNotContain("Emsland");
        var emsMembers = json(api.send("GET", "/api/networks/" + DemoNetworks.EMS_ACHSE + "/partners?kind=COMPANY", null, null));
        assertThat(emsMembers.get("total").asLong()).isEqualTo(1);
        assertThat(emsMembers.get("items").get(0).get("partner").get("industry").get("division").asString()).isEqualTo("30");
    }

    @Test
    void each_seed_network_has_a_working_group_that_met_and_decided_and_some_pledges() {
        Api api = new Api(port);
        for (var n : new UUID[] { DemoNetworks.HEILBRONN, DemoNetworks.EMS_ACHSE }) {
            String coordinator = Api.coordinator("demo-coordinator", n);
            var groups = json(api.send("GET", "/api/working-groups?networkId=" + n, coordinator, null));
            assertThat(groups.size()).isEqualTo(1);
            var group = groups.get(0);
            String path = "/api/working-groups/" + group.get("id").asString();
            assertThat(json(api.send("GET", path, coordinator, null)).get("members").size()).isEqualTo(4);
            var meetings = json(api.send("GET", path + "/meetings", coordinator, null));
            assertThat(meetings.size()).isEqualTo(1);
            assertThat(meetings.get(0).get("minutes").asString()).isNotBlank();
            var decisions = json(api.send("GET", path + "/decisions", coordinator, null));
            assertThat(decisions.size()).isEqualTo(1);
            assertThat(decisions.get(0).get("status").asString()).isEqualTo("CLOSED");
            assertThat(decisions.get(0).get("tally").get("result").asString()).isEqualTo("ADOPTED");
            var balance = json(api.send("GET", "/api/networks/" + n + "/balance", coordinator, null));
            assertThat(balance.get("members").findValues("gave").stream().mapToInt(g -> g.size()).sum()).isGreaterThanOrEqualTo(3);
        }
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry where origin = 'PLEDGED'", Integer.class)).isEqualTo(9);
    }

    @Test
    void running_the_demo_again_adds_nothing() throws Exception {
        int before = jdbc.queryForObject("select count(*) from outbox_event", Integer.class);
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(new DefaultApplicationArguments());
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from membership where status = 'ACTIVE'", Integer.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from network", Integer.class)).isEqualTo(2);
    }
}
