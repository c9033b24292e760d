package dev.graft.plugins.datasets;

import dev.graft.spi.GraftException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file of unsigned bytes (the MNIST family's format): a magic number {@code 0x0000080N}
 * with N dimensions, N big-endian 32-bit sizes, then the values. Gzip-compressed files are
 * recognised by their magic bytes.
 *
 * @param path the file
 * @param dims the dimension sizes
 * @param data the values, row-major
 * @param sha256 SHA-256 of the uncompressed content
 */
record IdxFile(Path path, int[] dims, byte[] data, String sha256) {

    /**
     * @param path an IDX file, possibly gzipped
     * @return its contents
     * @throws GraftException naming the file when it is missing, truncated or not IDX
     */
    static IdxFile read(Path path) {
        byte[] bytes;
        try (InputStream in = open(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            bytes = out.toByteArray();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new GraftException(path + ": no such file");
        } catch (ZipException | java.io.EOFException e) {
            throw new GraftException(path + ": corrupt gzip data (" + e.getMessage() + "); the file is damaged or truncated");
        } catch (IOException e) {
            throw new GraftException(path + ": cannot read: " + e.getMessage(), e);
        }
        return parse(path, bytes);
    }

    static IdxFile parse(Path path, byte[] bytes) {
        if (bytes.length < 4) {
            throw new GraftException(path + ": not an IDX file (only " + bytes.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int magic = buffer.getInt();
        int type = (magic >> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || rank < 1 || rank > 4) {
            throw new GraftException(path + ": not an IDX file (magic number 0x" + Integer.toHexString(magic) + ")");
        }
        if (type != 0x08) {
            throw new GraftException(path + ": IDX value type 0x" + Integer.toHexString(type) + " is not supported (only unsigned bytes, 0x08)");
        }
        if (bytes.length < 4 + 4 * rank) {
            throw new GraftException(path + ": truncated IDX header");
        }
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] < 0) {
                throw new GraftException(path + ": negative dimension " + dims[i] + " in the IDX header");
            }
            expected *= dims[i];
        }
        long actual = bytes.length - 4L - 4L * rank;
        if (actual != expected) {
            throw new GraftException(path + ": " + (actual < expected ? "truncated" : "has trailing data") + ": the header says "
                    + String.join(" x ", Arrays.stream(dims).mapToObj(Integer::toString).toList()) + " = " + expected
                    + " values, the file holds " + actual);
        }
        byte[] data = Arrays.copyOfRange(bytes, 4 + 4 * rank, bytes.length);
        return new IdxFile(path, dims, data, dev.graft.spi.Sha256.of(bytes));
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    }
}
