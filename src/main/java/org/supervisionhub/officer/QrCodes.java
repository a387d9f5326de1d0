package org.supervisionhub.officer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the QR code of an electronic credential's verify URL, as PNG and as SVG. ZXing computes the modules; the
 * two images are drawn from its bit matrix, so no AWT font or desktop library is needed. Error correction M and a
 * four-module quiet zone, as phone scanners expect on a screen.
 */
final class QrCodes {

    /** Pixels per module of the PNG: a 2-3 kB image that stays sharp on a phone screen. */
    private static final int PNG_MODULE_PIXELS = 6;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION,
            ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET,
            StandardCharsets.UTF_8.name(),
            EncodeHintType.MARGIN,
            4);

    private QrCodes() {}

    static byte[] png(String content) {
        BitMatrix modules = modules(content);
        int size = modules.getWidth() * PNG_MODULE_PIXELS;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean dark = modules.get(x / PNG_MODULE_PIXELS, y / PNG_MODULE_PIXELS);
                image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One path of unit squares in a viewBox of the module count: scales to any size without blurring. */
    static String svg(String content) {
        BitMatrix modules = modules(content);
        int size = modules.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"电子亮证二维码 QR code\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static BitMatrix modules(String content) {
        try {
            // Size 0 asks for the natural size: one matrix cell per module, quiet zone included.
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + content.length() + " characters", e);
        }
    }
}
