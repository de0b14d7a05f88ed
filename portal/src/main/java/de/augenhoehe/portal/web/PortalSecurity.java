package de.augenhoehe.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public portal: every page is open (the platform's API decides what a visitor may do), every form is protected
 * against CSRF. The token lives in a cookie (double submit), so any portal instance accepts it without a shared
 * session; forms carry it as a hidden field, htmx as the X-CSRF-TOKEN header (layout's meta tag).
 * #18's login adds a session and its own chain before this one.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    @Bean
    SecurityFilterChain publicPages(HttpSecurity http, PortalProperties properties) throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("augenhoehe-csrf");
        csrf.setHeaderName("X-CSRF-TOKEN");
        csrf.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax").path("/"));
        return http
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrf))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.of(properties)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
