package de.augenhoehe.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own configuration under {@code augenhoehe.gateway}.
 *
 * @param access         coarse access rules per route family, first match wins; whatever no rule matches needs a
 *                       logged-in user
 * @param cors           origins allowed to call the API from a browser (none by default: no CORS headers)
 * @param maxRequestSize larger request bodies are answered with 413
 */
@ConfigurationProperties("augenhoehe.gateway")
public record GatewayProperties(List<AccessRule> access, @DefaultValue Cors cors, @DefaultValue("1MB") DataSize maxRequestSize) {

    public GatewayProperties {
        access = access == null ? List.of() : List.copyOf(access);
    }

    /**
     * @param paths   path patterns ({@code /api/vacancies/**}, {@code /r/*})
     * @param methods HTTP methods the rule applies to; empty for every method
     * @param anonymous true when no token is needed
     * @param roles   roles of which the token must carry one (from its {@code roles} claim, e.g. {@code HR_CLIENT});
     *                empty: any logged-in user
     */
    public record AccessRule(List<String> paths, List<String> methods, boolean anonymous, List<String> roles) {
        public AccessRule {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? List.of() : List.copyOf(methods);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
