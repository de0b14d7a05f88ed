package de.augenhoehe.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param services       per service name ({@code partner}, {@code vacancy}, ...) its base URL, or several
 *                       comma-separated base URLs of its instances; routed as {@code lb://<name>-service}
 */
@ConfigurationProperties("augenhoehe.gateway")
public record GatewayProperties(List<AccessRule> access, @DefaultValue Cors cors, @DefaultValue("1MB") DataSize maxRequestSize,
        Map<String, String> services) {

    public GatewayProperties {
        access = access == null ? List.of() : List.copyOf(access);
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /** The instances' base URLs of each service, keyed by service id ({@code partner-service}). */
    public Map<String, List<URI>> instances() {
        Map<String, List<URI>> instances = new TreeMap<>();
        services.forEach((name, urls) -> instances.put(name + "-service", Arrays.stream(urls.split(","))
                .map(String::trim).filter(u -> !u.isEmpty()).map(u -> URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u))
                .toList()));
        return instances;
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
