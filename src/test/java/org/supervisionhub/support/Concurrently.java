package org.supervisionhub.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Fires requests from several threads at once and collects the HTTP statuses. */
public final class Concurrently {

    private Concurrently() {}

    public static List<Integer> statuses(int times, Callable<Integer> request) throws Exception {
        return run(Collections.nCopies(times, request));
    }

    /** Runs different requests at once. */
    public static List<Integer> run(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(requests)) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
