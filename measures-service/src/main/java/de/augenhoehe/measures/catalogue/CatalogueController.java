package de.augenhoehe.measures.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.PublicEndpoints;

/** {@code /api/measures}: the public catalogue of the region's measures, a page at a time. */
@RestController
@Validated
@Tag(name = "catalogue")
class CatalogueController {

    record Measure(UUID id, String title, String type, LocalDate startsOn) {
    }

    record Page(List<Measure> items, int page, int size) {
    }

    private final JdbcTemplate jdbc;

    CatalogueController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/measures")
    @Operation(summary = "The public catalogue, ordered by start date")
    Page catalogue(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Measure> items = jdbc.query("select id, title, type, starts_on from measure order by starts_on nulls last, id limit ? offset ?",
                (rs, n) -> new Measure(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                size, (long) page * size);
        return new Page(items, page, size);
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicCatalogue() {
            return PublicEndpoints.readOnly("/api/measures", "/api/measures/**");
        }
    }
}
