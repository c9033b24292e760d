package dev.graft.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Costs read as a reader reads them: counts with k and M, bytes in decimal units, shares and seconds with the digits that matter. */
class CostsTest {
    @Test
    void countsAndBytesAreShortAndDecimal() {
        assertEquals("437", Costs.count(437));
        assertEquals("1.43k", Costs.count(1432));
        assertEquals("23.7k", Costs.count(23_733));
        assertEquals("262k", Costs.count(262_141));
        assertEquals("1.20M", Costs.count(1_204_000));
        assertEquals("999 B", Costs.bytes(999));
        assertEquals("3.10 kB", Costs.bytes(3096));
        assertEquals("95.8 kB", Costs.bytes(95_800));
        assertEquals("1.05 MB", Costs.bytes(1_048_564));
        assertEquals("1.23 GB", Costs.bytes(1_230_000_000L));
    }

    @Test
    void cellsSayWhatWasMeasuredAndNothingElse() {
        Costs lora = new Costs(1432L, 25_165L, 5728L, 600_000_000L, 0.0123);
        assertEquals("5.7%", lora.shareCell());
        assertEquals("0.012", lora.secondsCell());
        assertEquals("5.73 kB", lora.taskCell());
        assertEquals("600 MB", lora.memoryCell());
        assertEquals("", Costs.NONE.trainedCell());
        assertEquals("", Costs.NONE.shareCell());
        assertFalse(Costs.NONE.measured(), "a run recorded before costs were measured shows no cost columns");
    }
}
