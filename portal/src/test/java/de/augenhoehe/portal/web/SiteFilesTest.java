package de.augenhoehe.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app manifest is installable (what Chromium asks of a manifest before it offers "add to home screen"): a
 * name, a start URL, a standalone display, and PNG icons of 192 and 512 pixels that exist and are as large as declared.
 */
class SiteFilesTest {

    final SiteFiles files = new SiteFiles(new PortalProperties(URI.create("http://127.0.0.1:8080"), "https://portal.example.org",
            Duration.ofSeconds(5), ""));

    @Test
    void the_manifest_is_installable() throws IOException {
        JsonNode manifest = JsonMapper.builder().build().readTree(files.manifest());
        assertThat(manifest.path("name").asString()).isNotBlank();
        assertThat(manifest.path("short_name").asString()).isNotBlank().hasSizeLessThanOrEqualTo(12);
        assertThat(manifest.path("start_url").asString()).isEqualTo("/");
        assertThat(manifest.path("display").asString()).isIn("standalone", "fullscreen", "minimal-ui");
        assertThat(manifest.path("lang").asString()).isEqualTo("de");
        Map<String, String> pngBySize = new HashMap<>();
        for (JsonNode icon : manifest.path("icons")) {
            if ("image/png".equals(icon.path("type").asString())) {
                pngBySize.put(icon.path("sizes").asString(), icon.path("src").asString());
            }
        }
        assertThat(pngBySize).containsKeys("192x192", "512x512");
        for (var icon : pngBySize.entrySet()) {
            int size = Integer.parseInt(icon.getKey().split("x")[0]);
            String resource = "static" + icon.getValue();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(in).as(resource + " is served from the portal's assets").isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image).as(resource + " is a PNG").isNotNull();
                assertThat(image.getWidth()).as(resource).isEqualTo(size);
                assertThat(image.getHeight()).as(resource).isEqualTo(size);
            }
        }
    }
}
