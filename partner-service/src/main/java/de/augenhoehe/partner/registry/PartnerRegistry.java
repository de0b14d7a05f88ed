package de.augenhoehe.partner.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;

/** Registers partner organisations, keeps their profiles and tells the network about them (never about their people). */
@Service
class PartnerRegistry {

    static final ProblemType PARTNER_EXISTS = ProblemType.of(HttpStatus.CONFLICT, "partner-exists", "Konflikt / Conflict");

    static final String COLUMNS = "p.id, p.name, p.kind, p.street, p.postal_code, p.city, p.kreis, p.industry_section, "
            + "p.industry_division, p.size_class, p.website, p.logo_url, p.registered_at, p.version";

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    PartnerRegistry(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    Partner register(String name, PartnerKind kind, String registeredBy) {
        return register(kind, new Profile(name, null, null, null, null, null, null), registeredBy);
    }

    @Transactional
    Partner register(PartnerKind kind, Profile profile, String registeredBy) {
        profile.checkFor(kind);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into partner (id, name, kind, registered_by) values (?, ?, ?, ?)", id, profile.name().strip(), kind.name(), registeredBy);
        } catch (DuplicateKeyException e) {
            throw PARTNER_EXISTS.exception("A partner of this kind with this name is already registered");
        }
        writeProfile(id, profile);
        Partner p = find(id).orElseThrow();
        events.publish(PartnerRegistered.TYPE, id.toString(), PartnerRegistered.of(p));
        return p;
    }

    /** Replaces the profile if {@code expectedVersion} is still current (412 otherwise); the kind never changes. */
    @Transactional
    Partner update(UUID id, long expectedVersion, Profile profile) {
        Partner current = find(id).orElseThrow(() -> ProblemException.notFound("Partner " + id));
        profile.checkFor(current.kind());
        int changed;
        try {
            changed = jdbc.update("update partner set name = ?, version = version + 1, updated_at = now() where id = ? and version = ?",
                    profile.name().strip(), id, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw PARTNER_EXISTS.exception("A partner of this kind with this name is already registered");
        }
        if (changed == 0) {
            throw Versions.stale();
        }
        writeProfile(id, profile);
        Partner p = find(id).orElseThrow();
        events.publish(PartnerUpdated.TYPE, id.toString(), PartnerUpdated.of(p));
        return p;
    }

    private void writeProfile(UUID id, Profile p) {
        Address a = p.address();
        Industry i = p.industry();
        jdbc.update("""
                update partner set street = ?, postal_code = ?, city = ?, kreis = ?, industry_section = ?, industry_division = ?,
                       size_class = ?, website = ?, logo_url = ? where id = ?""",
                a == null ? null : a.street(), a == null ? null : a.postalCode(), a == null ? null : a.city(),
                a == null ? null : a.kreis(), i == null ? null : i.section(), i == null ? null : i.division(),
                p.sizeClass() == null ? null : p.sizeClass().name(), p.website(), p.logoUrl(), id);
        jdbc.update("delete from partner_contact where partner_id = ?", id);
        List<ContactPerson> contacts = p.contacts();
        for (int n = 0; n < contacts.size(); n++) {
            ContactPerson c = contacts.get(n);
            jdbc.update("insert into partner_contact (partner_id, position, name, business_role, email, phone) values (?, ?, ?, ?, ?, ?)",
                    id, n, c.name().strip(), c.businessRole().strip(), c.email().strip(), c.phone());
        }
    }

    Optional<Partner> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from partner p where p.id = ?", PartnerRegistry::map, id).stream().findFirst();
    }

    /** Personal data: the caller decides whether the asker may see it. */
    List<ContactPerson> contacts(UUID partner) {
        return jdbc.query("select name, business_role, email, phone from partner_contact where partner_id = ? order by position",
                (rs, n) -> new ContactPerson(rs.getString("name"), rs.getString("business_role"), rs.getString("email"),
                        rs.getString("phone")), partner);
    }

    /** By the same key as the uniqueness rule of registration: name ignoring case, and kind. */
    Optional<Partner> findByName(String name, PartnerKind kind) {
        return jdbc.query("select " + COLUMNS + " from partner p where lower(p.name) = lower(?) and p.kind = ?",
                PartnerRegistry::map, name.strip(), kind.name()).stream().findFirst();
    }

    static Partner map(ResultSet rs, int row) throws SQLException {
        Address address = rs.getString("postal_code") == null ? null
                : new Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city"), rs.getString("kreis"));
        Industry industry = rs.getString("industry_section") == null ? null
                : new Industry(rs.getString("industry_section"), rs.getString("industry_division"));
        String size = rs.getString("size_class");
        return new Partner(rs.getObject("id", UUID.class), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")),
                address, industry, size == null ? null : SizeClass.valueOf(size), rs.getString("website"), rs.getString("logo_url"), null,
                rs.getTimestamp("registered_at", Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant(), rs.getLong("version"));
    }
}
