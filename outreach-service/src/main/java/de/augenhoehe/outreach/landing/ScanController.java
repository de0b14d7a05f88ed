package de.augenhoehe.outreach.landing;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemException;

/**
 * {@code /r/{code}}: a door hanger's QR code. Counts the scan — nothing about the person — and redirects to the
 * landing page with the campaign attribution.
 */
@RestController
@Tag(name = "landing")
class ScanController {

    private final JdbcTemplate jdbc;
    private final String landingPage;

    ScanController(JdbcTemplate jdbc, @Value("${augenhoehe.outreach.landing-page}") String landingPage) {
        this.jdbc = jdbc;
        this.landingPage = landingPage;
    }

    @GetMapping("/r/{code}")
    @Transactional
    @Operation(summary = "Count a scan of a tracking code and redirect to the landing page")
    ResponseEntity<Void> scan(@PathVariable String code) {
        // Codes are printed in Crockford base 32: read them the way people type them.
        String normalised = code.toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        UUID campaign = jdbc.query("update tracking_code set scans = scans + 1 where code = ? returning campaign_id",
                (rs, n) -> rs.getObject(1, UUID.class), normalised).stream().findFirst()
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "unknown-code",
                        "Code unbekannt / Unknown code", "This code is not known; please check it on your door hanger"));
        URI target = UriComponentsBuilder.fromUriString(landingPage).queryParam("campaign", campaign)
                .queryParam("code", normalised).build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(target).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicScans() {
            return PublicEndpoints.readOnly("/r/*");
        }
    }
}
