package dev.graft.plugins.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.spi.GraftException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    static byte[] idx(int[] dims, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + values.length);
        buffer.putInt(0x0800 | dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(values);
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        byte[] content = idx(new int[] {2, 2, 2}, new byte[] {0, 1, 2, 3, 4, 5, 6, (byte) 255});
        Files.write(dir.resolve("plain"), content);
        Files.write(dir.resolve("zipped.gz"), gzip(content));
        IdxFile plain = IdxFile.read(dir.resolve("plain"));
        IdxFile zipped = IdxFile.read(dir.resolve("zipped.gz"));
        assertArrayEquals(new int[] {2, 2, 2}, plain.dims());
        assertArrayEquals(plain.data(), zipped.data());
        assertEquals(plain.sha256(), zipped.sha256(), "the checksum is of the content, not of the compression");
        assertEquals((byte) 255, plain.data()[7]);
    }

    @Test
    void truncatedFilesSayHowMuchIsMissing() throws IOException {
        byte[] content = idx(new int[] {3, 2, 2}, new byte[12]);
        Files.write(dir.resolve("short"), Arrays.copyOf(content, content.length - 5));
        GraftException e = assertThrows(GraftException.class, () -> IdxFile.read(dir.resolve("short")));
        assertEquals(dir.resolve("short") + ": truncated: the header says 3 x 2 x 2 = 12 values, the file holds 7", e.getMessage());
    }

    @Test
    void corruptGzipAndNonIdxFilesAreClearErrors() throws IOException {
        byte[] zipped = gzip(idx(new int[] {100}, new byte[100]));
        Files.write(dir.resolve("cut.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        GraftException e = assertThrows(GraftException.class, () -> IdxFile.read(dir.resolve("cut.gz")));
        assertTrue(e.getMessage().startsWith(dir.resolve("cut.gz") + ": corrupt gzip data"), e.getMessage());

        Files.writeString(dir.resolve("text"), "hello, world");
        e = assertThrows(GraftException.class, () -> IdxFile.read(dir.resolve("text")));
        assertTrue(e.getMessage().startsWith(dir.resolve("text") + ": not an IDX file (magic number"), e.getMessage());

        e = assertThrows(GraftException.class, () -> IdxFile.read(dir.resolve("missing")));
        assertEquals(dir.resolve("missing") + ": no such file", e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesAreRejected() throws IOException {
        Files.write(dir.resolve("images"), idx(new int[] {1, 1, 1}, new byte[1]));
        Files.write(dir.resolve("labels"), idx(new int[] {1}, new byte[] {12}));
        GraftException e = assertThrows(GraftException.class, () -> MnistFormat.toImages(IdxFile.read(dir.resolve("images")),
                IdxFile.read(dir.resolve("labels")), FashionMnistProvider.CLASS_NAMES, "x"));
        assertEquals(dir.resolve("labels") + ": label 12 at position 0 is not a class (0-9)", e.getMessage());
    }
}
