package de.augenhoehe.platform.sample;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.events.ReceivedEvent;

/** A tiny service on the platform, used to test the platform as a service would use it. */
@SpringBootApplication
public class SampleApplication {

    public static final String RENAMED = "augenhoehe.sample.widget-renamed.v1";

    record Renamed(String widgetId, String name) {
    }

    record Rename(@NotBlank String name) {
    }

    @Service
    public static class Widgets {
        private final JdbcTemplate jdbc;
        private final EventPublisher events;

        Widgets(JdbcTemplate jdbc, EventPublisher events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public void rename(UUID id, String name, boolean failAfterPublishing) {
            jdbc.update("insert into widget (id, name) values (?, ?) on conflict (id) do update set name = excluded.name", id, name);
            events.publish(RENAMED, id.toString(), new Renamed(id.toString(), name));
            if (failAfterPublishing) {
                throw new IllegalStateException("rolled back on purpose");
            }
        }
    }

    @RestController
    static class WidgetController {
        private final Widgets widgets;

        WidgetController(Widgets widgets) {
            this.widgets = widgets;
        }

        @PutMapping("/api/widgets/{id}")
        void rename(@PathVariable UUID id, @Valid @RequestBody Rename body) {
            widgets.rename(id, body.name(), false);
        }
    }

    /**
     * Applies renames; a widget named "poison" can never be applied, one named "blocked-…" only once its name is in
     * {@code unblocked_name} (a fault that a person fixes, then redrives).
     */
    @Component
    static class AppliedChanges implements EventHandler {
        private final JdbcTemplate jdbc;

        AppliedChanges(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String topic() {
            return "sample-events";
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(RENAMED);
        }

        @Override
        public void handle(ReceivedEvent event) {
            Renamed r = event.dataAs(Renamed.class);
            jdbc.update("insert into applied_change (event_id, widget_id, name) values (?, ?, ?)", event.id(), r.widgetId(), r.name());
            if ("poison".equals(r.name())) {
                throw new IllegalStateException("cannot apply this rename");
            }
            if (r.name().startsWith("blocked-") && jdbc.queryForObject(
                    "select count(*) from unblocked_name where name = ?", Integer.class, r.name()) == 0) {
                throw new IllegalStateException("blocked until unblocked");
            }
        }
    }
}
