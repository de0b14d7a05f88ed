package de.augenhoehe.measures.management;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.architecture.FeatureApi;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;

/**
 * Seeds measures for demo data through the same rules, checks and events as the API — as a coordinator of the
 * measure's network — with a stable id, so a restart finds what an earlier start made.
 */
@FeatureApi
@Component
public class MeasureSeeding {

    private final Measures measures;
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    MeasureSeeding(Measures measures, JdbcTemplate jdbc) {
        this.measures = measures;
        this.jdbc = jdbc;
    }

    public boolean exists(UUID id) {
        return !jdbc.queryForList("select 1 from measure where id = ?", Integer.class, id).isEmpty();
    }

    /** Creates the measure ({@code request}: the JSON body of {@code POST /api/measures}) and opens it for registration. */
    @Transactional
    public void createOpen(UUID id, String request) {
        MeasureRequest r = json.readValue(request, MeasureRequest.class);
        Actor seeder = new Actor("demo", null, Set.of(r.networkId()), Set.of(Roles.COORDINATOR));
        measures.create(seeder, id, r);
        measures.move(seeder, id, "OPEN", null, null);
    }
}
