package de.augenhoehe.localservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Development-only signing keys and access tokens for {@code ./platform} in demo mode.
 * partner-service's authorization server signs with the private key this class writes into the data folder, and
 * the services and the gateway validate tokens against its public key; {@code ./platform token} also mints
 * development tokens with any claims from it. Never use these keys outside a local machine.
 *
 * <pre>
 * keygen --dir DIR [--public-dir DIR2]   (DIR2: a copy of the public key only, for containers that must not see the private one)
 * token  --dir DIR [--issuer URL] [--subject S] [--roles r1,r2] [--partner-id UUID] [--networks id1,id2] [--client-id X] [--ttl-minutes 60]
 * </pre>
 * Tokens are RS256 JWTs with {@code iss=augenhoehe-local}, {@code aud=augenhoehe}, {@code sub}, {@code iat},
 * {@code exp}, {@code jti}, {@code roles} and {@code networks} (JSON arrays), and {@code partner_id} and
 * {@code client_id} when given. Written with the JDK alone: no JWT library is needed for a dozen lines of JSON.
 */
public final class DevTokens {

    public static final String ISSUER = "augenhoehe-local";
    public static final String AUDIENCE = "augenhoehe";
    public static final String PRIVATE_KEY_FILE = "dev-jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "dev-jwt-public.pem";
    public static final Set<String> ROLES = Set.of("coordinator", "partner_admin", "partner_staff", "operations", "hr_client");

    static final String DEFAULT_SUBJECT = "dev-coordinator";
    static final String DEFAULT_ROLES = "coordinator";
    static final long DEFAULT_TTL_MINUTES = 60;

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** What one token says about its bearer. */
    public record TokenRequest(String subject, List<String> roles, String partnerId, List<String> networks,
                               String clientId, Duration ttl) {

        public TokenRequest {
            if (subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("subject must not be empty");
            }
            roles = List.copyOf(roles);
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("unknown role '" + role + "'; known roles: " + String.join(", ", ROLES.stream().sorted().toList()));
                }
            }
            if (partnerId != null) {
                UUID.fromString(partnerId); // throws IllegalArgumentException for anything but a UUID
            }
            networks = List.copyOf(networks);
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive");
            }
        }
    }

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("missing command");
            }
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            Path dir = Path.of(required(options, "--dir"));
            switch (args[0]) {
                case "keygen" -> {
                    requireOnly(options, "--dir", "--public-dir");
                    boolean created = keygen(dir);
                    System.out.println((created ? "created " : "kept ") + dir.resolve(PUBLIC_KEY_FILE));
                    if (options.containsKey("--public-dir")) {
                        System.out.println("published " + publishPublicKey(dir, Path.of(options.get("--public-dir"))));
                    }
                }
                case "token" -> {
                    requireOnly(options, "--dir", "--issuer", "--subject", "--roles", "--partner-id", "--networks", "--client-id", "--ttl-minutes");
                    TokenRequest request = new TokenRequest(
                            options.getOrDefault("--subject", DEFAULT_SUBJECT),
                            list(options.getOrDefault("--roles", DEFAULT_ROLES)),
                            options.get("--partner-id"),
                            list(options.getOrDefault("--networks", "")),
                            options.get("--client-id"),
                            Duration.ofMinutes(Long.parseLong(options.getOrDefault("--ttl-minutes", Long.toString(DEFAULT_TTL_MINUTES)))));
                    System.out.println(token(dir, request, Instant.now(), options.getOrDefault("--issuer", ISSUER)));
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("DevTokens: " + e.getMessage());
            System.err.println("usage: keygen --dir DIR [--public-dir DIR2] | token --dir DIR [--subject S] [--roles r1,r2] [--partner-id UUID]"
                    + " [--networks id1,id2] [--client-id X] [--ttl-minutes 60]");
            System.exit(2);
        } catch (UncheckedIOException | IllegalStateException e) {
            System.err.println("DevTokens: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Writes {@value #PRIVATE_KEY_FILE} (PKCS#8, owner-only) and {@value #PUBLIC_KEY_FILE} (X.509
     * SubjectPublicKeyInfo) into {@code dir} unless a private key is already there; a missing public key is
     * derived from the private one.
     *
     * @return whether a new key pair was generated
     */
    public static boolean keygen(Path dir) {
        try {
            Files.createDirectories(dir);
            // Two concurrent keygens on one folder must not leave a private key of one pair next to the public key of another.
            try (FileChannel lockFile = FileChannel.open(dir.resolve(".keygen.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                return keygenLocked(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write keys to " + dir, e);
        }
    }

    /**
     * Copies the public key of {@code dir} into {@code publicDir} (replacing an older copy), so that whoever needs only
     * to check tokens can be given a folder without the private key.
     *
     * @return the copy
     */
    public static Path publishPublicKey(Path dir, Path publicDir) {
        try {
            Files.createDirectories(publicDir);
            Path copy = publicDir.resolve(PUBLIC_KEY_FILE);
            writeAtomically(copy, Files.readString(dir.resolve(PUBLIC_KEY_FILE), StandardCharsets.US_ASCII), false);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the public key to " + publicDir, e);
        }
    }

    private static boolean keygenLocked(Path dir) throws IOException {
        try {
            Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
            Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
            if (Files.exists(privateFile)) {
                if (!Files.exists(publicFile)) {
                    writeAtomically(publicFile, pem("PUBLIC KEY", derivePublic(readPrivateKey(privateFile)).getEncoded()), false);
                }
                return false;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            // The public key first: a reader that sees the private key can rely on the public one being there.
            writeAtomically(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
            writeAtomically(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not generate an RSA key pair", e);
        }
    }

    /** A signed RS256 JWT for the request, issued at {@code now}, with the private key in {@code dir}. */
    public static String token(Path dir, TokenRequest request, Instant now) {
        return token(dir, request, now, ISSUER);
    }

    /** The same with another issuer: {@code ./platform} names the gateway's URL, like the authorization server. */
    public static String token(Path dir, TokenRequest request, Instant now, String issuer) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        if (!Files.exists(privateFile)) {
            throw new IllegalStateException("no " + PRIVATE_KEY_FILE + " in " + dir + " (run keygen first)");
        }
        PrivateKey key = readPrivateKey(privateFile);
        PublicKey publicKey = derivePublic(key);

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId(publicKey));

        long iat = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", request.subject());
        claims.put("iat", iat);
        claims.put("exp", iat + request.ttl().toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", request.roles());
        if (request.partnerId() != null) {
            claims.put("partner_id", request.partnerId());
        }
        claims.put("networks", request.networks());
        if (request.clientId() != null) {
            claims.put("client_id", request.clientId());
        }

        String signingInput = B64URL.encodeToString(json(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the token", e);
        }
    }

    public static RSAPublicKey readPublicKey(Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(unpem(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key: " + file, e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key: " + file, e);
        }
    }

    // --- keys -------------------------------------------------------------------------------------------------------

    private static PublicKey derivePublic(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the private key carries no public exponent");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return B64URL.encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " holds no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    /** Writes a sibling temp file (owner-only from its creation when {@code secret}) and moves it into place. */
    static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = secret && posix
                ? Files.createTempFile(dir, target.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8); // a PEM is ASCII; an environment file may hold a path
            if (!secret && posix) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    // --- JSON, the few shapes a token needs -------------------------------------------------------------------------

    static String json(Map<String, Object> object) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, entry.getKey()).append(':');
            value(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object value) {
        switch (value) {
            case String s -> string(out, s);
            case Long l -> out.append(l.longValue());
            case Integer n -> out.append(n.intValue());
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    value(out, list.get(i));
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    // --- command line -----------------------------------------------------------------------------------------------

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static void requireOnly(Map<String, String> options, String... allowed) {
        List<String> known = List.of(allowed);
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static List<String> list(String csv) {
        List<String> items = new ArrayList<>();
        for (String item : csv.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
