package de.augenhoehe.outreach.campaigns;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** QR codes for printed material: they lead to {@code <public base URL>/r/{code}}, error correction Q. */
@Component
class QrCodes {

    static final int BORDER = 4;
    static final int PNG_SCALE = 10;

    private final String baseUrl;

    QrCodes(@Value("${augenhoehe.outreach.public-base-url:http://127.0.0.1:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String scanUrl(String code) {
        return baseUrl + "/r/" + code;
    }

    QrCode encode(String code) {
        // Upper case and digits only: QR's alphanumeric mode would apply to the code; the URL is encoded as given.
        return QrCode.encodeText(scanUrl(code), QrCode.Ecc.QUARTILE);
    }

    String svg(String code) {
        QrCode qr = encode(code);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        int size = qr.size + 2 * BORDER;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + size + " " + size
                + "\" stroke=\"none\" shape-rendering=\"crispEdges\">\n"
                + "<title>" + scanUrl(code) + "</title>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
                + "<path d=\"" + path + "\" fill=\"#000000\"/>\n"
                + "</svg>\n";
    }

    byte[] png(String code) {
        QrCode qr = encode(code);
        int size = (qr.size + 2 * BORDER) * PNG_SCALE;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = qr.getModule(x / PNG_SCALE - BORDER, y / PNG_SCALE - BORDER);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
