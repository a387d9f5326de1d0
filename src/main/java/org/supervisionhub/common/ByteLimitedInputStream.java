package org.supervisionhub.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * A request body counted as it is read: past {@code maxBytes} bytes actually read (whatever Content-Length claimed),
 * the next read throws the caller's "too large" problem, built from the limit.
 */
public final class ByteLimitedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final LongFunction<? extends RuntimeException> tooLarge;
    private long read;

    public ByteLimitedInputStream(InputStream body, long maxBytes, LongFunction<? extends RuntimeException> tooLarge) {
        super(body);
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > maxBytes) {
            throw tooLarge.apply(maxBytes);
        }
    }
}
