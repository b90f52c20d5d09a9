package dev.rustwheel.wheel.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Deflate's bit order: bits go out least significant first, gathered in a 64-bit accumulator and stored four
 * bytes at a time into a buffer the caller hands over ({@link #wrap}), sized for the worst case so that it never
 * needs to grow. Callers check for room before writing a block ({@link #reserve}), so the hot loops need no bounds
 * checks of their own; they may also take the state into locals and hand it back ({@link #restore}).
 */
final class BitWriter {

    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Room past a reservation: an eight-byte store may start at its last byte, and a few pending bits follow. */
    static final int SLACK = 16;

    byte[] buffer;
    int position;
    long bits;
    int count;

    /** Writes from the start of {@code output} on. */
    void wrap(byte[] output) {
        buffer = output;
        position = 0;
        bits = 0;
        count = 0;
    }

    /**
     * Checks that {@code bytes} more bytes (plus slack for the four-byte stores) fit: they always do in a buffer of
     * {@link BlockCompressor#maxCompressedSize}, so running out is a defect of that bound, never of the input.
     */
    void reserve(int bytes) {
        if (position + bytes + SLACK > buffer.length) {
            throw new IllegalStateException("the output buffer of " + buffer.length + " bytes is too small for "
                    + (position + bytes + SLACK));
        }
    }

    /** Writes up to 32 bits; {@code value} has no bits above {@code n}. */
    void write(int value, int n) {
        bits |= (value & 0xFFFFFFFFL) << count;
        count += n;
        if (count >= 32) {
            INT.set(buffer, position, (int) bits);
            position += 4;
            bits >>>= 32;
            count -= 32;
        }
    }

    /** Pads with zero bits to a byte boundary and stores every pending byte. */
    void alignToByte() {
        while (count > 0) {
            buffer[position++] = (byte) bits;
            bits >>>= 8;
            count -= 8;
        }
        bits = 0;
        count = 0;
    }

    boolean aligned() {
        return (count & 7) == 0;
    }

    /** Stores every pending whole byte, so that {@link #position} counts all complete bytes written. */
    void flushWholeBytes() {
        while (count >= 8) {
            buffer[position++] = (byte) bits;
            bits >>>= 8;
            count -= 8;
        }
    }

    void writeBytes(byte[] source, int offset, int length) {
        System.arraycopy(source, offset, buffer, position, length);
        position += length;
    }

    void restore(long bits, int count, int position) {
        this.bits = bits;
        this.count = count;
        this.position = position;
    }
}
