package de.augenhoehe.platform.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.augenhoehe.platform.web.ProblemException;

/**
 * Who is calling, from the validated token: the basis of every object-level check. {@code partnerId} is the
 * organisation a person or HR client acts for; {@code networks} the networks in which they hold their roles.
 */
public record Actor(String subject, UUID partnerId, Set<UUID> networks, Set<String> roles) {

    public static final String ROLES_CLAIM = "roles";
    public static final String PARTNER_CLAIM = "partner_id";
    public static final String NETWORKS_CLAIM = "networks";

    public static Actor from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        List<String> networks = jwt.getClaimAsStringList(NETWORKS_CLAIM);
        String partner = jwt.getClaimAsString(PARTNER_CLAIM);
        return new Actor(jwt.getSubject(), parse(partner),
                networks == null ? Set.of() : networks.stream().map(Actor::parse).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()),
                roles == null ? Set.of() : roles.stream().map(r -> r.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    /** The actor of the current request, or empty for an anonymous one. */
    public static Optional<Actor> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a instanceof JwtAuthenticationToken t ? Optional.of(from(t.getToken())) : Optional.empty();
    }

    /** The actor of a request that needs one: 401 {@code unauthenticated} for an anonymous caller. */
    public static Actor required() {
        return required("A token is required");
    }

    /** As {@link #required()}, telling the caller what the token is for. */
    public static Actor required(String detail) {
        return current().orElseThrow(() -> ProblemException.unauthenticated(detail));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean coordinates(UUID network) {
        return hasRole(Roles.COORDINATOR) && networks.contains(network);
    }

    public boolean actsFor(UUID partner) {
        return partner != null && partner.equals(partnerId);
    }

    private static UUID parse(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
