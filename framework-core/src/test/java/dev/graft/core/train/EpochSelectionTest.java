package dev.graft.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochSelectionTest {
    @Test
    void higherAccuracyWinsAndTiesGoToTheLowerLoss() {
        EpochSelection selection = new EpochSelection(0);
        assertTrue(selection.offer(0.6, 1.2));
        assertTrue(selection.offer(0.7, 1.0), "higher accuracy");
        assertTrue(selection.offer(0.7, 0.8), "same accuracy, lower loss");
        assertFalse(selection.offer(0.7, 0.9), "same accuracy, higher loss");
        assertFalse(selection.offer(0.6, 0.1), "lower accuracy never wins, whatever its loss");
        assertTrue(selection.offer(0.8, 2.0), "higher accuracy wins even with a higher loss");
    }

    @Test
    void minDeltaTurnsSmallGainsIntoTies() {
        EpochSelection selection = new EpochSelection(0.05);
        assertTrue(selection.offer(0.50, 1.0));
        assertFalse(selection.offer(0.52, 1.1), "within minDelta and a higher loss");
        assertTrue(selection.offer(0.52, 0.9), "within minDelta, lower loss");
        assertTrue(selection.offer(0.60, 1.5));
    }
}
