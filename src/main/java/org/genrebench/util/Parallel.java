package org.genrebench.util;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** The one thread pool of the local paths: a list of items worked on in parallel, results handed back in order. */
public final class Parallel {
    private Parallel() {
    }

    /**
     * Applies {@code work} to every item on {@code threads} daemon threads named {@code name} and hands each result
     * to {@code inOrder} on the calling thread, in the items' order. At most {@code 4 × threads} items are in flight
     * beyond the one awaited, so results never pile up in the heap. The first failure, in the items' order, is
     * rethrown as it was thrown (a checked one wrapped); the remaining work is cancelled.
     */
    public static <T, R> void forEachOrdered(List<T> items, int threads, String name, Function<T, R> work, Consumer<R> inOrder) {
        int workers = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            int ahead = 4 * workers;
            ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
            Iterator<T> next = items.iterator();
            while (next.hasNext() || !inFlight.isEmpty()) {
                while (next.hasNext() && inFlight.size() < ahead) {
                    T item = next.next();
                    inFlight.add(pool.submit(() -> work.apply(item)));
                }
                inOrder.accept(inFlight.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name + " tasks", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
