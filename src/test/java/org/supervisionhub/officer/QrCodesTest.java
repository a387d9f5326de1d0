package org.supervisionhub.officer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR codes of electronic credentials read back to their verify URL, whatever the token in them. */
class QrCodesTest {

    /**
     * Reads a QR code the hub drew. It is a pure barcode (no camera, no skew), and the reader is told so: without the
     * hint ZXing's finder-pattern search misses about one perfectly regular image in 500 (found when a CI run drew
     * such a token), which says nothing about the code.
     */
    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }

    @Test
    void everyCodeOfAVerifyUrlReadsBackToIt() throws Exception {
        Random random = new Random(20261130);
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] token = new byte[32];
            random.nextBytes(token);
            String url = "https://hub.example.gov.cn/verify/"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            if (!url.equals(decode(QrCodes.png(url)))) {
                unread.add(url);
            }
        }
        assertThat(unread).isEmpty();
    }
}
