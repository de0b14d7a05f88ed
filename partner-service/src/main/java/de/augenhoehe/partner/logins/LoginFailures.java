package de.augenhoehe.partner.logins;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The failed logins in PostgreSQL, so every instance counts the same ones. A subject (account or HR client) is locked
 * while it has {@code account-failures} failures within the window, an address while it has {@code address-failures}:
 * the lock ends by itself when the oldest of those leaves the window, or at once when an administrator lifts it. Two
 * instances counting at the same moment may let a request or two more through: a throttle, not a counter.
 */
@Component
class LoginFailures implements LoginLockouts {

    enum Kind { ACCOUNT, CLIENT }

    private final JdbcTemplate jdbc;
    private final LoginThrottleProperties properties;
    private final Clock clock;

    LoginFailures(JdbcTemplate jdbc, LoginThrottleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    void record(Kind kind, String subject, String address) {
        jdbc.update("insert into login_failure (kind, subject_hash, address_hash, at) values (?, ?, ?, ?)", kind.name(),
                subjectHash(kind, subject), hash(address), Timestamp.from(clock.instant()));
    }

    /** How long the subject or the address is still locked; empty if neither is. */
    Optional<Duration> lockedFor(Kind kind, String subject, String address) {
        Instant now = clock.instant();
        Optional<Duration> bySubject = until("kind = ? and subject_hash = ?", properties.accountFailures(), now, kind.name(),
                subjectHash(kind, subject));
        Optional<Duration> byAddress = until("address_hash = ?", properties.addressFailures(), now, hash(address));
        return bySubject.isPresent() && byAddress.isPresent()
                ? Optional.of(bySubject.get().compareTo(byAddress.get()) > 0 ? bySubject.get() : byAddress.get())
                : bySubject.or(() -> byAddress);
    }

    /** A successful login starts the subject's count afresh. */
    void clear(Kind kind, String subject) {
        jdbc.update("delete from login_failure where kind = ? and subject_hash = ?", kind.name(), subjectHash(kind, subject));
    }

    @Override
    public void liftAccount(String username) {
        clear(Kind.ACCOUNT, username);
    }

    @Override
    public void liftClient(String clientId) {
        clear(Kind.CLIENT, clientId);
    }

    /** Locked while the limit-th newest failure is within the window: until it leaves the window. */
    private Optional<Duration> until(String condition, int limit, Instant now, Object... args) {
        Object[] all = Stream.concat(Arrays.stream(args),
                Stream.of(Timestamp.from(now.minus(properties.window())), limit - 1)).toArray();
        List<Timestamp> nth = jdbc.queryForList("select at from login_failure where " + condition
                + " and at > ? order by at desc offset ? limit 1", Timestamp.class, all);
        if (nth.isEmpty()) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, nth.getFirst().toInstant().plus(properties.window()));
        return left.isPositive() ? Optional.of(left) : Optional.empty();
    }

    @Scheduled(fixedDelayString = "${augenhoehe.identity.login-throttle.cleanup-interval:PT10M}")
    void forgetOld() {
        jdbc.update("delete from login_failure where at < ?", Timestamp.from(clock.instant().minus(properties.window())));
    }

    private static String subjectHash(Kind kind, String subject) {
        return hash(kind == Kind.ACCOUNT ? subject.toLowerCase(Locale.ROOT) : subject);
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
