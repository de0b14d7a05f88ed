package de.augenhoehe.vacancy.employers;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code /api/vacancies/employers/{partnerId}}: an employer as the portal knows it — public organisation data and the
 * networks it is an active member of (no persons are known here).
 */
@RestController
@Tag(name = "employers")
class EmployerController {

    record Employer(UUID partnerId, String name, String kind,
            @Schema(description = "The networks in which the organisation is an active member") List<UUID> networks) {
    }

    private final JdbcMemberCompanies employers;

    EmployerController(JdbcMemberCompanies employers) {
        this.employers = employers;
    }

    @GetMapping("/api/vacancies/employers/{partnerId}")
    @Operation(summary = "An organisation known to the portal from partner-events")
    Employer employer(@PathVariable UUID partnerId) {
        return employers.employer(partnerId).orElseThrow(() -> ProblemException.notFound("Employer " + partnerId));
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicVacancies() {
            return PublicEndpoints.readOnly("/api/vacancies/**");
        }
    }
}
