package de.augenhoehe.localservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    @TempDir
    Path dir;

    @Test
    void writesAKeyPairOnceWithAnOwnerOnlyPrivateKey() throws Exception {
        assertThat(DevTokens.keygen(dir)).isTrue();
        Path privateFile = dir.resolve(DevTokens.PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(DevTokens.PUBLIC_KEY_FILE);
        String privatePem = Files.readString(privateFile);
        String publicPem = Files.readString(publicFile);

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(DevTokens.readPublicKey(publicFile).getModulus().bitLength()).isEqualTo(2048);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(privateFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        assertThat(DevTokens.keygen(dir)).as("a second keygen keeps the pair").isFalse();
        assertThat(Files.readString(privateFile)).isEqualTo(privatePem);
        assertThat(Files.readString(publicFile)).isEqualTo(publicPem);

        Files.delete(publicFile);
        assertThat(DevTokens.keygen(dir)).isFalse();
        assertThat(Files.readString(publicFile)).as("derived from the private key").isEqualTo(publicPem);
    }

    @Test
    void publishesOnlyThePublicKeyIntoTheSecondFolder() throws Exception {
        DevTokens.keygen(dir);
        Path published = dir.resolve("public");
        Path copy = DevTokens.publishPublicKey(dir, published);

        assertThat(copy).isEqualTo(published.resolve(DevTokens.PUBLIC_KEY_FILE));
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(dir.resolve(DevTokens.PUBLIC_KEY_FILE)));
        try (var files = Files.list(published)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(DevTokens.PUBLIC_KEY_FILE);
        }
        // a re-run after a key change replaces the copy
        Files.writeString(copy, "stale");
        DevTokens.publishPublicKey(dir, published);
        assertThat(Files.readString(copy)).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void mintsAnRs256TokenThatVerifiesAgainstThePublicPem() throws Exception {
        DevTokens.keygen(dir);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String partnerId = "6f1c2a7e-0d4b-4b8e-9a55-2f4a1c3d9e10";
        String token = DevTokens.token(dir, new DevTokens.TokenRequest("anna \"the\" coordinator",
                List.of("coordinator", "partner_admin"), partnerId, List.of("net-a", "net-b"), "cli", Duration.ofMinutes(15)), now);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        PublicKey publicKey = DevTokens.readPublicKey(dir.resolve(DevTokens.PUBLIC_KEY_FILE));
        assertThat(verifies(publicKey, parts[0] + "." + parts[1], parts[2])).isTrue();

        String header = decode(parts[0]);
        assertThat(header).startsWith("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"");
        String claims = decode(parts[1]);
        assertThat(claims)
                .contains("\"iss\":\"augenhoehe-local\"")
                .contains("\"aud\":\"augenhoehe\"")
                .contains("\"sub\":\"anna \\\"the\\\" coordinator\"")
                .contains("\"iat\":1800000000")
                .contains("\"exp\":1800000900")
                .containsPattern("\"jti\":\"[0-9a-f-]{36}\"")
                .contains("\"roles\":[\"coordinator\",\"partner_admin\"]")
                .contains("\"partner_id\":\"" + partnerId + "\"")
                .contains("\"networks\":[\"net-a\",\"net-b\"]")
                .contains("\"client_id\":\"cli\"");
    }

    @Test
    void leavesOutPartnerAndClientWhenNotGiven() {
        DevTokens.keygen(dir);
        String token = DevTokens.token(dir, new DevTokens.TokenRequest("ops", List.of("operations"), null, List.of(), null,
                Duration.ofMinutes(60)), Instant.now());
        String claims = decode(token.split("\\.")[1]);
        assertThat(claims).contains("\"roles\":[\"operations\"]").contains("\"networks\":[]")
                .doesNotContain("partner_id").doesNotContain("client_id");
    }

    @Test
    void aTamperedTokenFailsVerification() throws Exception {
        DevTokens.keygen(dir);
        String token = DevTokens.token(dir, new DevTokens.TokenRequest("staff", List.of("partner_staff"), null, List.of(),
                null, Duration.ofMinutes(5)), Instant.now());
        String[] parts = token.split("\\.");
        PublicKey publicKey = DevTokens.readPublicKey(dir.resolve(DevTokens.PUBLIC_KEY_FILE));

        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(
                decode(parts[1]).replace("\"partner_staff\"", "\"coordinator\"").getBytes(StandardCharsets.UTF_8));
        assertThat(elevated).isNotEqualTo(parts[1]);
        assertThat(verifies(publicKey, parts[0] + "." + elevated, parts[2])).isFalse();

        byte[] signature = B64URL.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        assertThat(verifies(publicKey, parts[0] + "." + parts[1],
                Base64.getUrlEncoder().withoutPadding().encodeToString(signature))).isFalse();

        Path otherKeys = Files.createDirectory(dir.resolve("other"));
        DevTokens.keygen(otherKeys);
        PublicKey otherKey = DevTokens.readPublicKey(otherKeys.resolve(DevTokens.PUBLIC_KEY_FILE));
        assertThat(verifies(otherKey, parts[0] + "." + parts[1], parts[2])).as("signed by another key").isFalse();
    }

    @Test
    void rejectsUnknownRolesAndMalformedPartnerIds() {
        assertThatThrownBy(() -> new DevTokens.TokenRequest("x", List.of("admin"), null, List.of(), null, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role 'admin'");
        assertThatThrownBy(() -> new DevTokens.TokenRequest("x", List.of("coordinator"), "not-a-uuid", List.of(), null, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DevTokens.token(dir, new DevTokens.TokenRequest("x", List.of(), null, Set.<String>of().stream().toList(),
                null, Duration.ofMinutes(1)), Instant.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keygen");
    }

    @Test
    void escapesControlCharactersInJson() {
        assertThat(DevTokens.json(new LinkedHashMap<>(Map.of("k", "a\\b\n\u0001"))))
                .isEqualTo("{\"k\":\"a\\\\b\\n\\u0001\"}");
    }

    private static boolean verifies(PublicKey key, String signingInput, String signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(B64URL.decode(signature));
    }

    private static String decode(String part) {
        return new String(B64URL.decode(part), StandardCharsets.UTF_8);
    }
}
