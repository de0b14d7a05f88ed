package de.augenhoehe.partner;

import static de.augenhoehe.partner.Api.coordinator;
import static de.augenhoehe.partner.Api.partnerAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import de.augenhoehe.testing.RealInfrastructure;
import de.augenhoehe.testing.TestTokens;

/**
 * Issue #15: the generated signing key is rotated — on command and when it is older than the interval — tokens are
 * signed with the newest key, the JWKS keeps the previous key until its tokens expired, and every private key is
 * stored encrypted. Each instance re-reads the keys every second here (30 s by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "augenhoehe.identity.issuer=http://rotation.augenhoehe.test", "augenhoehe.identity.signing-key-rotation.refresh=PT1S" })
@RealInfrastructure(isolatedDatabase = true)
class SigningKeyRotationIT {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    List<String> published() {
        var keys = Api.json(new Api(port).send("GET", "/oauth2/jwks", null, null)).get("keys");
        var kids = new ArrayList<String>();
        keys.forEach(k -> {
            assertThat(k.has("d")).as("no private part in the JWKS").isFalse();
            kids.add(k.get("kid").asString());
        });
        return kids;
    }

    @Test
    void keys_rotate_on_command_and_when_due_and_the_old_key_is_published_until_its_tokens_expired() {
        Api api = new Api(port);
        UUID company = Api.id(api.send("POST", "/api/partners", coordinator("c"), "{\"name\":\"Rotation " + UUID.randomUUID() + "\",\"kind\":\"COMPANY\"}"));
        var issued = Api.json(api.send("POST", "/api/partners/" + company + "/integration-clients", partnerAdmin("a", company), "{\"name\":\"HR\"}"));
        String clientId = issued.at("/client/clientId").asString();
        String secret = issued.get("clientSecret").asString();
        AuthServer as = new AuthServer(port);
        String oldToken = as.accessToken(as.clientCredentials(clientId, secret));
        String oldKid = as.decode(oldToken).getHeaders().get("kid").toString();

        // only operations rotates; a rotation makes a new signing key and keeps the old one published
        String rotate = "/internal/identity/signing-keys/rotate";
        assertThat(api.send("POST", rotate, partnerAdmin("a", company), null).statusCode()).isEqualTo(403);
        var rotated = api.send("POST", rotate, TestTokens.operations(), null);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newKid = Api.json(rotated).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(published()).containsExactlyInAnyOrder(newKid, oldKid);
        String newToken = as.accessToken(as.clientCredentials(clientId, secret));
        assertThat(as.decode(newToken).getHeaders()).containsEntry("kid", newKid);
        assertThat(as.decode(oldToken).getSubject()).isEqualTo(clientId);

        // every private key is encrypted at rest: nothing in the table parses as a key
        for (var row : jdbc.queryForList("select private_key, private_key_format from identity_signing_key")) {
            assertThat(row.get("private_key_format")).isEqualTo("AES-GCM");
            assertThatThrownBy(() -> KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode((String) row.get("private_key")))))
                    .isInstanceOf(Exception.class);
        }

        // 31 days later: the newest key is due, a new one signs; the oldest key, replaced long before, is gone
        jdbc.update("update identity_signing_key set created_at = created_at - interval '31 days'");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> published().size() == 2 && !published().contains(oldKid));
        assertThat(published()).contains(newKid);
        assertThat(jdbc.queryForList("select kid from identity_signing_key", String.class)).doesNotContain(oldKid).hasSize(2);
        String dueKid = published().stream().filter(k -> !k.equals(newKid)).findFirst().orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                dueKid.equals(as.decode(as.accessToken(as.clientCredentials(clientId, secret))).getHeaders().get("kid")));
    }
}
