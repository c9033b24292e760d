package dev.graft.core.train;

import dev.graft.spi.augment.Augmenter;
import dev.graft.spi.data.Batch;
import dev.graft.spi.backbone.InputSpec;
import dev.graft.spi.data.Examples;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * Prepares an epoch's training batches on a thread of its own — gathering the examples,
 * augmenting them and making the backbone's input from them on the heap (normalising images, say) — while the training thread runs the network
 * on the batches before. Batches come out in order, and the augmenter draws from its random
 * source in the same order as it would on the training thread, so results do not depend on the
 * prefetching. At most {@link #DEPTH} prepared batches wait at a time.
 */
final class BatchPrefetcher implements AutoCloseable {
    /** Prepared batches that may wait for the training thread. */
    static final int DEPTH = 3;

    /** A batch ready for the network: the (possibly augmented) examples and their input, made on the heap. */
    record Prepared(Batch batch, InputSpec.Prepared input) {}

    private static final Prepared END = new Prepared(null, null);

    private final Examples train;
    private final Augmenter augmenter;
    private final InputSpec inputSpec;
    private final int batchSize;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "graft-batches");
        t.setDaemon(true);
        return t;
    });
    private BlockingQueue<Object> queue;
    private long waitNanos;

    /**
     * @param train the training examples
     * @param augmenter applied to each batch, or null
     * @param inputSpec the backbone's input
     * @param batchSize examples per batch
     */
    BatchPrefetcher(Examples train, Augmenter augmenter, InputSpec inputSpec, int batchSize) {
        this.train = train;
        this.augmenter = augmenter;
        this.inputSpec = inputSpec;
        this.batchSize = batchSize;
    }

    /**
     * Starts preparing one epoch's batches. The previous epoch must have been consumed to its end.
     *
     * @param order the epoch's example order
     * @param augmentRandom the augmenter's random source, used only by the preparing thread until
     *     the epoch's last batch has been taken
     */
    void startEpoch(int[] order, RandomGenerator augmentRandom) {
        BlockingQueue<Object> epoch = new ArrayBlockingQueue<>(DEPTH);
        queue = epoch;
        thread.execute(() -> {
            try {
                for (int start = 0; start < order.length; start += batchSize) {
                    int[] indices = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
                    Batch batch = train.gather(indices);
                    if (augmenter != null) {
                        batch = augmenter.apply(batch, augmentRandom);
                    }
                    epoch.put(new Prepared(batch, inputSpec.prepare(batch)));
                }
                epoch.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                try {
                    epoch.put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /**
     * @return the next prepared batch of the epoch, or null after its last
     * @throws RuntimeException what the preparing thread threw (an augmenter's error, say)
     */
    Prepared next() {
        long started = System.nanoTime();
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a training batch", e);
        } finally {
            waitNanos += System.nanoTime() - started;
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return item == END ? null : (Prepared) item;
    }

    /** @return seconds the training thread has spent waiting for batches */
    double waitSeconds() {
        return waitNanos / 1e9;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
