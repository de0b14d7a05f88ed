package de.augenhoehe.outreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void the_url_is_built_from_the_public_base_url_and_the_code_uses_print_error_correction() {
        var qr = new QrCodes("https://augenhoehe.example/");
        assertThat(qr.scanUrl("K7Q2M9XZ")).isEqualTo("https://augenhoehe.example/r/K7Q2M9XZ");
        assertThat(qr.encode("K7Q2M9XZ").errorCorrectionLevel).isIn(QrCode.Ecc.QUARTILE, QrCode.Ecc.HIGH);
        assertThat(qr.svg("K7Q2M9XZ")).startsWith("<?xml").contains("<svg", "</svg>", "/r/K7Q2M9XZ");
        byte[] png = qr.png("K7Q2M9XZ");
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }
}
