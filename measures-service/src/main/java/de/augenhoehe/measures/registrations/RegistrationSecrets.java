package de.augenhoehe.measures.registrations;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.architecture.FeatureApi;

/** Whether a cancellation token belongs to a registration: the participant's proof for their own data, without an account. */
@FeatureApi
@Component
public class RegistrationSecrets {

    /** Where the person's secret travels: a header, never the URL (URLs end up in logs, histories and Referers). */
    public static final String HEADER = "Registration-Token";

    private final JdbcTemplate jdbc;

    RegistrationSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean matches(UUID registration, String token) {
        return jdbc.queryForList("select token_hash from registration where id = ?", byte[].class, registration).stream()
                .anyMatch(hash -> CancellationTokens.matches(token, hash));
    }
}
