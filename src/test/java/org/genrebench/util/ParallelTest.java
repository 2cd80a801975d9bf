package org.genrebench.util;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class ParallelTest {

    @Test
    void resultsComeBackInTheItemsOrderWhateverOrderTheyFinishIn() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        List<Integer> out = new ArrayList<>();
        Parallel.forEachOrdered(items, 4, "test", i -> {
            sleep((50 - i) % 7);
            return i * i;
        }, out::add);
        assertEquals(items.stream().map(i -> i * i).toList(), out);
    }

    @Test
    void theFirstFailureIsRethrownAsItWasThrown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.forEachOrdered(List.of(1, 2, 3), 2, "test", i -> {
            if (i >= 2) throw new IllegalArgumentException("item " + i);
            return i;
        }, r -> { }));
        assertEquals("item 2", e.getMessage());
    }

    @Test
    void noMoreThanFourItemsPerThreadAreInFlightAheadOfTheOneAwaited() {
        AtomicInteger started = new AtomicInteger();
        int[] mostAhead = {0};
        int[] collected = {0};
        Parallel.forEachOrdered(IntStream.range(0, 40).boxed().toList(), 2, "test", i -> started.incrementAndGet(), r -> {
            collected[0]++;
            mostAhead[0] = Math.max(mostAhead[0], started.get() - collected[0]);
        });
        assertTrue(mostAhead[0] <= 8, "at most 4 x 2 threads ahead, saw " + mostAhead[0]);
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
