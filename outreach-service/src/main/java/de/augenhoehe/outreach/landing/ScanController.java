package de.augenhoehe.outreach.landing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import de.augenhoehe.outreach.landing.TrackingCodes.Attribution;
import de.augenhoehe.outreach.pseudonyms.Pseudonyms;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.web.ProblemType;

/**
 * {@code /r/{code}}: a door hanger's QR code. Counts the scan — nothing about the person — and redirects to the
 * landing page with the campaign attribution.
 *
 * <p>What is not counted: HEAD requests and link-preview fetchers or other bots (by User-Agent, a missing one
 * included), and a repeated scan of the same device within the repeat window. The device is recognised by a cookie
 * {@code ah_seen_<CODE>=1} that carries no identifier at all and expires after the repeat window; a client without
 * the cookie (a script that drops it) is recognised as a visitor — a keyed hash of code, address and User-Agent, kept
 * only until the window ends. No IP address, User-Agent or any other device data is stored as such.
 */
@RestController
@Tag(name = "landing")
class ScanController {

    /** Link-preview fetchers, crawlers and command-line clients: they open links but are nobody who scanned. */
    static final Pattern BOTS = Pattern.compile("(?i).*(bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp"
            + "|telegram|slack|discord|skype|embedly|pinterest|vkshare|validator|headless|lighthouse|curl|wget"
            + "|python-requests|okhttp|go-http-client|monitor|scanner).*");

    /** A scanned code that does not exist is not found (404), unlike a code typed into a sign-up (422). */
    static final ProblemType UNKNOWN_CODE = ProblemType.of(HttpStatus.NOT_FOUND, "unknown-code", "Code unbekannt / Unknown code");

    private final TrackingCodes codes;
    private final ScanCounter counter;
    private final Pseudonyms pseudonyms;
    private final String landingPage;
    private final Duration repeatWindow;

    ScanController(TrackingCodes codes, ScanCounter counter, Pseudonyms pseudonyms, @Value("${augenhoehe.outreach.landing-page}") String landingPage,
            @Value("${augenhoehe.outreach.scans.repeat-window:PT30M}") Duration repeatWindow) {
        this.codes = codes;
        this.counter = counter;
        this.pseudonyms = pseudonyms;
        this.landingPage = landingPage;
        this.repeatWindow = repeatWindow;
    }

    @GetMapping("/r/{code}")
    @Operation(summary = "Count a scan of a tracking code and redirect to the landing page",
            description = "Bots, HEAD requests and repeated scans of one device within the repeat window are not counted. "
                    + "An unknown code answers 404: a friendly HTML page for browsers, a problem for API clients.")
    @ApiResponse(responseCode = "303", description = "To the landing page with campaign and code (Location); marks the device for the repeat window")
    @ApiResponse(responseCode = "404", description = "unknown-code: a problem, or an HTML page for an Accept with text/html")
    ResponseEntity<?> scan(@Parameter(schema = @Schema(maxLength = TrackingCodes.MAX_CODE)) @PathVariable String code,
            HttpServletRequest request) {
        Attribution attribution = codes.resolve(code).orElse(null);
        if (attribution == null) {
            return unknown(request);
        }
        String cookie = "ah_seen_" + attribution.code();
        boolean seen = request.getCookies() != null
                && Arrays.stream(request.getCookies()).map(Cookie::getName).anyMatch(cookie::equals);
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        boolean bot = agent == null || agent.isBlank() || BOTS.matcher(agent).matches();
        boolean head = "HEAD".equalsIgnoreCase(request.getMethod());
        if (!seen && !bot && !head) {
            // the visitor, for a client without the cookie: hashed at once, neither the address nor the agent is kept
            counter.count(attribution, pseudonyms.of("scan-visitor", attribution.code(), request.getRemoteAddr(), agent));
        }
        URI target = UriComponentsBuilder.fromUriString(landingPage).queryParam("campaign", attribution.campaignId())
                .queryParam("code", attribution.code()).build().toUri();
        ResponseCookie mark = ResponseCookie.from(cookie, "1").path("/r/").maxAge(repeatWindow).httpOnly(true)
                .sameSite("Lax").build();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(target)
                .header(HttpHeaders.SET_COOKIE, mark.toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private ResponseEntity<?> unknown(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            String page = """
                    <!DOCTYPE html>
                    <html lang="de"><head><meta charset="utf-8"><title>Code unbekannt</title>
                    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                    <body><h1>Diesen Code kennen wir leider nicht.</h1>
                    <p>Bitte prüfen Sie den Code auf Ihrem Türhänger — oder schauen Sie einfach so vorbei:
                    <a href="%s">Zurück in die Heimat</a>.</p>
                    <p lang="en">We do not know this code. Please check it, or visit the <a href="%s">returnee page</a>.</p>
                    </body></html>
                    """.formatted(HtmlUtils.htmlEscape(landingPage), HtmlUtils.htmlEscape(landingPage));
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(page);
        }
        throw UNKNOWN_CODE.exception("This code is not known; please check it on your door hanger");
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicScans() {
            return PublicEndpoints.readOnly("/r/*");
        }
    }
}
