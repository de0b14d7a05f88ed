package de.augenhoehe.partner.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.web.ProblemException;

/** Keeps people's accounts; who may do what with them is decided by {@link AccountAccess} before. */
@Service
class Accounts implements AccountLogin, PartnerAdministrators {

    private static final String COLUMNS = "id, partner_id, username, password_hash, email, roles, coordinator_networks, enabled, created_at";

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new account with the given password (hashed here); 409 if the username is taken. A one-time initial password
     * must be replaced at the first login ({@code oneTime}).
     */
    @Transactional
    Account create(UUID partner, String username, String password, boolean oneTime, String email, Set<Role> roles,
            Set<UUID> networks, String createdBy) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("""
                    insert into account (id, partner_id, username, password_hash, password_change_required, email, roles,
                                         coordinator_networks, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?::text[], ?::uuid[], now(), ?)""",
                    id, partner, username, Passwords.ENCODER.encode(password), oneTime, email, roles(roles), uuids(networks), createdBy);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("username-taken", "This username is taken");
        }
        return find(partner, id).orElseThrow();
    }

    /**
     * Replaces the roles after {@code allowed} approved the account as it is now, read under a row lock: a concurrent
     * change cannot slip between the check and the write. 404 if the account is not the partner's.
     */
    @Transactional
    Account changeRoles(UUID partner, UUID id, Consumer<Account> allowed, Set<Role> roles, Set<UUID> networks) {
        allowed.accept(locked(partner, id));
        jdbc.update("update account set roles = ?::text[], coordinator_networks = ?::uuid[], version = version + 1 where id = ? and partner_id = ?",
                roles(roles), uuids(networks), id, partner);
        return find(partner, id).orElseThrow();
    }

    /** Disables the account after {@code allowed} approved it as it is now (row lock, as above). */
    @Transactional
    void disable(UUID partner, UUID id, Consumer<Account> allowed) {
        allowed.accept(locked(partner, id));
        jdbc.update("update account set enabled = false, version = version + 1 where id = ? and partner_id = ?", id, partner);
    }

    /**
     * A new mail address (null: none) after {@code allowed} approved the account as it is now (row lock, as above). The
     * reset links not yet used were sent to the old address: they stop working, or whoever reads that mailbox could
     * still set the password.
     */
    @Transactional
    Account changeEmail(UUID partner, UUID id, Consumer<Account> allowed, String email) {
        allowed.accept(locked(partner, id));
        jdbc.update("update account set email = ?, version = version + 1 where id = ? and partner_id = ?", email, id, partner);
        jdbc.update("delete from password_reset where account_id = ? and used_at is null", id);
        return find(partner, id).orElseThrow();
    }

    /** A new one-time password after {@code allowed} approved the account as it is now (row lock, as above). */
    @Transactional
    void replaceWithInitial(UUID partner, UUID id, Consumer<Account> allowed, String password) {
        allowed.accept(locked(partner, id));
        jdbc.update("update account set password_hash = ?, password_change_required = true, version = version + 1 where id = ? and partner_id = ?",
                Passwords.ENCODER.encode(password), id, partner);
    }

    private Account locked(UUID partner, UUID id) {
        return jdbc.query("select " + COLUMNS + " from account where id = ? and partner_id = ? for update", Accounts::map, id, partner)
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("Account " + id));
    }

    List<Account> list(UUID partner) {
        return jdbc.query("select " + COLUMNS + " from account where partner_id = ? order by created_at, id", Accounts::map, partner);
    }

    Optional<Account> find(UUID partner, UUID id) {
        return jdbc.query("select " + COLUMNS + " from account where id = ? and partner_id = ?", Accounts::map, id, partner)
                .stream().findFirst();
    }

    /** For the demo accounts: create if missing, keep what exists (its password may have been changed). */
    @Transactional
    void ensure(UUID partner, String username, String password, Set<Role> roles, Set<UUID> networks) {
        if (byUsername(username).isEmpty()) {
            create(partner, username, password, false, null, roles, networks, "demo"); // the README names the demo password
        }
    }

    @Override
    public boolean hasAdministrator(UUID partner) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from account where partner_id = ? and enabled and 'PARTNER_ADMIN' = any(roles))", Boolean.class, partner));
    }

    @Override
    public Optional<LoginAccount> byUsername(String username) {
        return jdbc.query("select " + COLUMNS + " from account where lower(username) = lower(?)", (rs, n) -> {
            Account a = map(rs, n);
            return new LoginAccount(a.id(), a.partnerId(), a.username(), rs.getString("password_hash"),
                    a.roles().stream().map(Role::claim).collect(Collectors.toUnmodifiableSet()),
                    Set.copyOf(a.coordinatorNetworks()), a.enabled());
        }, username).stream().findFirst();
    }

    @Override
    public boolean mustChangePassword(String username) {
        return Boolean.TRUE.equals(jdbc.query("select password_change_required from account where lower(username) = lower(?)",
                rs -> rs.next() && rs.getBoolean(1), username));
    }

    @Override
    @Transactional
    public PasswordChange changePassword(String username, String newPassword) {
        return setPassword(username, newPassword);
    }

    /** A password of the person's own, if it passes the rules; the one-time flag is cleared with it. */
    @Transactional
    PasswordChange setPassword(String username, String newPassword) {
        PasswordChange verdict = Passwords.check(newPassword);
        if (verdict != PasswordChange.CHANGED) {
            return verdict;
        }
        String current = jdbc.query("select password_hash from account where lower(username) = lower(?) and enabled for update",
                rs -> rs.next() ? rs.getString(1) : null, username);
        if (current == null) {
            return PasswordChange.NO_ACCOUNT;
        }
        if (Passwords.ENCODER.matches(newPassword, current)) {
            return PasswordChange.SAME_AS_BEFORE;
        }
        jdbc.update("""
                update account set password_hash = ?, password_change_required = false, version = version + 1
                where lower(username) = lower(?)""", Passwords.ENCODER.encode(newPassword), username);
        return PasswordChange.CHANGED;
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().sorted().map(UUID::toString).toArray(String[]::new);
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object r : (Object[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf((String) r));
        }
        Set<UUID> networks = new LinkedHashSet<>();
        Arrays.stream((Object[]) rs.getArray("coordinator_networks").getArray()).forEach(o -> networks.add((UUID) o));
        return new Account(rs.getObject("id", UUID.class), rs.getObject("partner_id", UUID.class), rs.getString("username"),
                rs.getString("email"), List.copyOf(roles), List.copyOf(networks), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
