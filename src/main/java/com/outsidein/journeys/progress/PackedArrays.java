package com.outsidein.journeys.progress;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Decodes the packed {@code bigint[]} progress columns as they come from the driver, binary or text. */
public final class PackedArrays {

    private PackedArrays() {
    }

    /**
     * A bigint[] column as longs. Binary transfer skips PostgreSQL's text formatting and the parsing
     * here; a driver that sends text instead is still understood.
     */
    public static long[] arrayAt(ResultSet row, int column) throws SQLException {
        byte[] raw = row.getBytes(column);
        if (raw == null || raw.length == 0) {
            return new long[0];
        }
        if (raw[0] == '{') {
            String text = new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
            return parse(text.substring(1, text.length() - 1));
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(raw);
        int dimensions = buffer.getInt();
        if (dimensions == 0) {
            return new long[0];
        }
        buffer.getInt(); // has nulls: never, the columns are not null arrays of not null values
        buffer.getInt(); // element type oid
        int length = buffer.getInt();
        buffer.getInt(); // lower bound
        long[] values = new long[length];
        for (int i = 0; i < length; i++) {
            buffer.getInt(); // element length: 8
            values[i] = buffer.getLong();
        }
        return values;
    }

    public static long[] parse(String csv) {
        if (csv == null || csv.isEmpty()) {
            return new long[0];
        }
        int count = 1;
        for (int i = 0; i < csv.length(); i++) {
            if (csv.charAt(i) == ',') {
                count++;
            }
        }
        long[] values = new long[count];
        int n = 0;
        long value = 0;
        boolean negative = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (ch == ',') {
                values[n++] = negative ? -value : value;
                value = 0;
                negative = false;
            } else if (ch == '-') {
                negative = true;
            } else {
                value = value * 10 + (ch - '0');
            }
        }
        values[n] = negative ? -value : value;
        return values;
    }
}
