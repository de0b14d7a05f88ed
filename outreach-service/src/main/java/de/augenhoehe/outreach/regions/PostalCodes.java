package de.augenhoehe.outreach.regions;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.architecture.FeatureApi;

/** Where a German postal code lies (its centre), and distances between places: the basis of a returnee's region. */
@FeatureApi
@Component
public class PostalCodes {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** The centre of a postal code area. */
    public record Place(String postalCode, String name, String kreis, double latitude, double longitude) {

        public double distanceKm(double lat, double lon) {
            return PostalCodes.distanceKm(latitude, longitude, lat, lon);
        }
    }

    private final JdbcTemplate jdbc;

    PostalCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Place> locate(String postalCode) {
        if (postalCode == null || !postalCode.matches("[0-9]{5}")) {
            return Optional.empty();
        }
        return jdbc.query("select code, place, kreis, latitude, longitude from postal_code where code = ?",
                (rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)),
                postalCode).stream().findFirst();
    }

    /** Great-circle distance (haversine). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
