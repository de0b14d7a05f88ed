package de.augenhoehe.measures.places;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcPostalCodes implements PostalCodes {

    private final JdbcTemplate jdbc;

    JdbcPostalCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> kreisOf(String postalCode) {
        if (postalCode == null || !postalCode.matches("[0-9]{5}")) {
            return Optional.empty();
        }
        return jdbc.queryForList("select kreis from postal_code_kreis where postal_code = ? order by places desc, kreis limit 1",
                String.class, postalCode).stream().findFirst();
    }
}
