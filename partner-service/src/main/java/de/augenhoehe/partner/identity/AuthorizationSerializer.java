package de.augenhoehe.partner.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Java serialization of a (redacted) authorization: Spring's authorization and its attributes (the authorization
 * request, the signed-in person) are Serializable, so nothing has to be mapped field by field. Reading accepts only
 * JDK and Spring Security classes (an allow-list filter), so a row written by anyone else cannot make the server
 * instantiate arbitrary classes.
 */
final class AuthorizationSerializer {

    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=40;maxrefs=10000;maxbytes=1000000;java.base/*;org.springframework.security.**;!*");

    private AuthorizationSerializer() {
    }

    static byte[] serialize(OAuth2Authorization authorization) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(authorization);
        } catch (IOException e) {
            throw new IllegalStateException("The authorization cannot be serialized", e);
        }
        return bytes.toByteArray();
    }

    static OAuth2Authorization deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ALLOWED);
            return (OAuth2Authorization) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("A stored authorization is unreadable", e);
        }
    }
}
