package de.augenhoehe.platform.web;

import org.springframework.beans.factory.annotation.Value;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.validation.BoundedPatternDocumentation;

/** Problem details for every error and a request size limit, for every servlet service. */
@AutoConfiguration
public class WebAutoConfiguration {

    /** How tokens are checked, as the OWASP ruleset asks (owasp:api2:2023-jwt-best-practices). */
    public static final String BEARER = "A JWT access token of the platform's authorization server (partner-service), checked as"
            + " RFC8725 recommends: RS256 only (never 'none' or a symmetric algorithm), signature against the published key,"
            + " issuer, audience 'augenhoehe' and expiry; short-lived, renewed by refresh token or client credentials.";

    /** The day people mean: German local time for every date check (@PastOrPresent, @FutureOrPresent, …). */
    public static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    /**
     * Bean Validation's "now" is Berlin's, not the server's zone (UTC on the machines here): between midnight and one
     * o'clock in Germany a coordinator's "today" was "the future" to {@code @PastOrPresent} (a campaign's distribution
     * recorded for today was refused with 400; found by a journey run at 00:01 German time).
     */
    @Bean
    org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer germanClockForValidation() {
        return configuration -> configuration.clockProvider(() -> java.time.Clock.system(BERLIN));
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /** Every service documents the same bearer scheme; public operations are listed in the service's README/API docs. */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI platformOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI()
                .info(new Info().title("Augenhöhe " + application).version("v1")
                        .description("Errors are RFC 9457 problem details with a stable type urn:augenhoehe:problem:<slug>."))
                .components(new Components().addSecuritySchemes("bearer-jwt", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(BEARER)))
                .addSecurityItem(new SecurityRequirement().addList("bearer-jwt"));
    }

    static {
        // A month parameter (yyyy-MM, e.g. the monitor's from/to): java.time reads years up to 999999999, so at most
        // 12 characters; springdoc would document it as an unbounded string (OWASP API4).
        org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(java.time.YearMonth.class,
                new io.swagger.v3.oas.models.media.StringSchema().pattern("[0-9]{4,9}-[0-9]{2}").maxLength(12).example("2026-11"));
    }

    /** 401/403/429 and the rate-limit headers on every operation, public operations marked as such. */
    @Bean
    ContractDefaults contractDefaults(org.springframework.beans.factory.ObjectProvider<PublicEndpoints> publicEndpoints) {
        List<String> readOnly = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info"));
        List<String> anyMethod = new ArrayList<>();
        publicEndpoints.orderedStream().forEach(p -> {
            readOnly.addAll(p.readOnly());
            anyMethod.addAll(p.anyMethod());
        });
        return new ContractDefaults(ContractDefaults.Open.of(readOnly, anyMethod));
    }

    /** Strings with a lone surrogate are refused, not stored as '?' (see {@link WholeStrings}). */
    @Bean
    tools.jackson.databind.JacksonModule wholeStrings() {
        return WholeStrings.module();
    }

    /** The firewall's refusals (an encoded '%', ';', a line break …) as problems; picked up by Spring Security. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new RefusedBeforeControllers();
    }

    /**
     * Tomcat's own refusals (an encoded '/', '\\', NUL) as problems: its host's HTML error report valve is replaced.
     * Runs after Spring Boot's customizer (which adds that valve), so the valve it added is the one removed.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline host = context.getParent().getPipeline();
            for (Valve valve : host.getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof RefusedBeforeControllers)) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new RefusedBeforeControllers());
            if (context.getParent() instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(RefusedBeforeControllers.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${augenhoehe.web.max-request-size:1MB}") DataSize limit, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** First of all filters, so that the time covers everything the service does for a request. */
    @Bean
    FilterRegistrationBean<ServerTimingFilter> serverTimingFilter() {
        FilterRegistrationBean<ServerTimingFilter> registration = new FilterRegistrationBean<>(new ServerTimingFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@code @BoundedPattern} documented as {@code pattern}, as springdoc does for {@code @Pattern}. */
    @Bean
    BoundedPatternDocumentation boundedPatternDocumentation() {
        return new BoundedPatternDocumentation();
    }
}
