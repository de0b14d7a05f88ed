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

    /**
     * An A4 print sheet (SVG, millimetres) for a batch: eight labels of its code, each with the QR code, the code in
     * large letters to type by hand, the short link and the campaign title — for the print shop or an office printer.
     */
    String printSheet(String title, String area, String code) {
        QrCode qr = encode(code);
        StringBuilder modules = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    modules.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        String t = xml(title);
        String a = xml(area);
        String spaced = code.length() == 8 ? code.substring(0, 4) + " " + code.substring(4) : code;
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"210mm\" height=\"297mm\" viewBox=\"0 0 210 297\">\n")
                .append("<title>").append(t).append(" – ").append(a).append(" – ").append(code).append("</title>\n")
                .append("<defs><path id=\"qr\" d=\"").append(modules).append("\" fill=\"#000000\"/></defs>\n")
                .append("<rect width=\"210\" height=\"297\" fill=\"#FFFFFF\"/>\n");
        double qrSize = 40.0;
        double scale = qrSize / qr.size;
        for (int i = 0; i < 8; i++) {
            double x = 10 + (i % 2) * 97.5;
            double y = 10 + (i / 2) * 69.25;
            svg.append("<g class=\"label\" transform=\"translate(").append(x).append(',').append(y).append(")\">")
                    .append("<rect width=\"92.5\" height=\"64.25\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.2\" stroke-dasharray=\"2,2\"/>")
                    .append("<use href=\"#qr\" transform=\"translate(4,4) scale(").append(scale).append(")\"/>")
                    .append("<text x=\"48\" y=\"12\" font-family=\"sans-serif\" font-size=\"4\">").append(t).append("</text>")
                    .append("<text x=\"48\" y=\"18\" font-family=\"sans-serif\" font-size=\"3.5\">").append(a).append("</text>")
                    .append("<text x=\"48\" y=\"32\" font-family=\"monospace\" font-size=\"7\" font-weight=\"bold\">").append(spaced).append("</text>")
                    .append("<text x=\"4\" y=\"54\" font-family=\"sans-serif\" font-size=\"3.5\">").append(xml(scanUrl(code))).append("</text>")
                    .append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
