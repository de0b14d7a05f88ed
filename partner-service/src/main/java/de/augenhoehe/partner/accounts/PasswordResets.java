package de.augenhoehe.partner.accounts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.accounts.AccountLogin.PasswordChange;

/**
 * "Forgot password": a link by mail to the account's address, valid once and for {@code validity}. Whoever asks learns
 * nothing about whether the account exists or has an address (the page answers alike); one account causes at most
 * {@code per-hour} mails. Only the secret's SHA-256 is stored, so a reader of the database cannot use a pending link.
 */
@Service
class PasswordResets implements PasswordRecovery {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final JavaMailSender mail;
    private final Clock clock;
    private final Duration validity;
    private final int perHour;
    private final String from;

    PasswordResets(JdbcTemplate jdbc, Accounts accounts, JavaMailSender mail, Clock clock,
            @Value("${augenhoehe.identity.password-reset.validity:PT30M}") Duration validity,
            @Value("${augenhoehe.identity.password-reset.per-hour:3}") int perHour,
            @Value("${augenhoehe.identity.password-reset.from:anmeldung@augenhoehe.local}") String from) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
        this.validity = validity;
        this.perHour = perHour;
        this.from = from;
    }

    @Override
    @Transactional
    public void request(String username, URI resetPage) {
        record Recipient(UUID id, String email) {
        }
        Recipient to = jdbc.query("select id, email from account where lower(username) = lower(?) and enabled and email is not null for update",
                rs -> rs.next() ? new Recipient(rs.getObject("id", UUID.class), rs.getString("email")) : null, username);
        if (to == null) {
            return;
        }
        Instant now = clock.instant();
        Integer recent = jdbc.queryForObject("select count(*) from password_reset where account_id = ? and created_at > ?",
                Integer.class, to.id(), Timestamp.from(now.minus(Duration.ofHours(1))));
        if (recent != null && recent >= perHour) {
            log.info("Password reset not sent: the account's hourly limit is reached");
            return;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.update("update password_reset set used_at = ? where account_id = ? and used_at is null", Timestamp.from(now), to.id());
        jdbc.update("insert into password_reset (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)",
                sha256(token), to.id(), Timestamp.from(now), Timestamp.from(now.plus(validity)));
        send(to.email(), resetPage + "?token=" + token);
    }

    @Override
    @Transactional
    public PasswordChange reset(String token, String newPassword) {
        if (token == null || token.length() > 64) {
            return PasswordChange.NO_ACCOUNT;
        }
        String username = jdbc.query("""
                select a.username from password_reset r join account a on a.id = r.account_id
                where r.token_hash = ? and r.used_at is null and r.expires_at > ? and a.enabled for update of r""",
                rs -> rs.next() ? rs.getString(1) : null, sha256(token), Timestamp.from(clock.instant()));
        if (username == null) {
            return PasswordChange.NO_ACCOUNT;
        }
        PasswordChange result = accounts.setPassword(username, newPassword);
        if (result == PasswordChange.CHANGED) {
            jdbc.update("update password_reset set used_at = ? where token_hash = ?", Timestamp.from(clock.instant()), sha256(token));
        }
        return result;
    }

    @Override
    public boolean valid(String token) {
        return token != null && token.length() <= 64 && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from password_reset r join account a on a.id = r.account_id "
                        + "where r.token_hash = ? and r.used_at is null and r.expires_at > ? and a.enabled)",
                Boolean.class, sha256(token), Timestamp.from(clock.instant())));
    }

    private void send(String to, String link) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Neues Passwort für Augenhöhe");
        message.setText("""
                Guten Tag,

                für Ihr Konto bei Augenhöhe wurde ein neues Passwort angefordert. Über diesen Link wählen Sie es
                (er gilt %d Minuten und nur einmal):

                %s

                Haben Sie das nicht angefordert? Dann ignorieren Sie diese E-Mail; Ihr Passwort bleibt, wie es ist.
                """.formatted(validity.toMinutes(), link));
        try {
            mail.send(message);
        } catch (MailException e) {
            // The page answers alike either way (it must not tell whether the account exists); the person asks again.
            log.warn("Password reset mail could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
