package de.augenhoehe.portal.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything a page loads comes from the portal: its own files under /assets/, and htmx and Leaflet from their webjars
 * under /assets/vendor/ (no CDN, no third-party request). Versioned files are cached for a day.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:portal-build.properties")
class Assets implements WebMvcConfigurer {

    private final String htmx;
    private final String leaflet;

    Assets(@Value("${augenhoehe.portal.vendor.htmx}") String htmx, @Value("${augenhoehe.portal.vendor.leaflet}") String leaflet) {
        this.htmx = htmx;
        this.leaflet = leaflet;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl day = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        registry.addResourceHandler("/assets/vendor/htmx/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/htmx.org/" + htmx + "/dist/").setCacheControl(day);
        registry.addResourceHandler("/assets/vendor/leaflet/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/leaflet/" + leaflet + "/dist/").setCacheControl(day);
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/").setCacheControl(day);
    }
}
