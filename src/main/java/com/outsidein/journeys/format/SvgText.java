package com.outsidein.journeys.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Text on the service's SVG pictures: a deliberately generous width estimate (Verdana-bold-like glyph
 * widths, wider than DejaVu Sans or Arial), so a line that fits by this estimate fits whatever sans-serif
 * font renders it; word wrap by that estimate; escaping and number formatting for attributes.
 */
public final class SvgText {

    public static final String MEDIA_TYPE = "image/svg+xml";
    private static final MediaType SVG = new MediaType("image", "svg+xml");

    private SvgText() {
    }

    /** Whether the client prefers a picture over JSON and CSV (JSON wins ties and wildcards). */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE) || acceptable.isCompatible(Csv.TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(SVG)) {
                return true;
            }
        }
        return false;
    }

    /** Estimated width in pixels of the text at the font size, bold or regular. */
    public static double width(String text, double size, boolean bold) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += glyph(text.charAt(i));
        }
        return em * size * (bold ? 1.0 : 0.93);
    }

    private static double glyph(char c) {
        if (c == ' ') {
            return 0.36;
        }
        if ("ijl.,;:'!|()[]".indexOf(c) >= 0) {
            return 0.36;
        }
        if ("frt-".indexOf(c) >= 0) {
            return 0.48;
        }
        if (c == 'm' || c == 'w' || c == 'M' || c == 'W') {
            return 1.06;
        }
        if (Character.isLowerCase(c)) {
            return 0.66;
        }
        if (Character.isUpperCase(c)) {
            return 0.8;
        }
        if (Character.isDigit(c)) {
            return 0.72;
        }
        return 1.0;
    }

    /** Word wrap by estimated width; a word wider than a line is cut, so no line is wider than {@code maxWidth}. */
    public static List<String> wrap(String text, double maxWidth, double size, boolean bold) {
        List<String> out = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size, bold) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line);
            }
            line = word;
            while (width(line, size, bold) > maxWidth) {
                int cut = 1;
                while (cut < line.length() && width(line.substring(0, cut + 1), size, bold) <= maxWidth) {
                    cut++;
                }
                out.add(line.substring(0, cut));
                line = line.substring(cut);
            }
        }
        if (!line.isEmpty()) {
            out.add(line);
        }
        return out;
    }

    /** A {@code <text>} element with its class at (x, y), content escaped. */
    public static String text(double x, double y, String content, String cssClass) {
        return "<text class=\"" + cssClass + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\">" + escape(content) + "</text>\n";
    }

    /** A coordinate: whole numbers without decimals, others with one. */
    public static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text safe inside an XML element or a double-quoted attribute. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
