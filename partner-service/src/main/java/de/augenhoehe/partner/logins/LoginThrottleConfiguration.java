package de.augenhoehe.partner.logins;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The login throttle runs before Spring Security's filters, for the login form and the token endpoint only. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginFailures failures, LoginThrottleProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(failures, properties, json));
        registration.addUrlPatterns(LoginThrottleFilter.LOGIN, LoginThrottleFilter.TOKEN);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
