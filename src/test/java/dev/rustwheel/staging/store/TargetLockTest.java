package dev.rustwheel.staging.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rustwheel.staging.ChildJvm;
import dev.rustwheel.staging.StagingException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLockTest {

    @TempDir
    Path target;

    @Test
    void twoThreadsNeverHoldItTogether() throws Exception {
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> waits = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        try (TargetLock lock = TargetLock.acquire(target, waits::add)) {
                            mostAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            Thread.yield();
                            holders.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mostAtOnce.get());
        assertTrue(Files.isRegularFile(target.resolve(TargetLock.FILE_NAME)));
        String lockFile = target.toRealPath().resolve(TargetLock.FILE_NAME).toString();
        assertTrue(waits.stream().allMatch(w -> w.contains(lockFile)), waits.toString());
    }

    @Test
    void aSecondThreadWaitsUntilTheFirstLetsGo() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        TargetLock first = TargetLock.acquire(target, message -> { });
        Thread second = new Thread(() -> {
            try (TargetLock lock = TargetLock.acquire(target, message -> waiting.countDown())) {
                // acquired
            } catch (StagingException e) {
                throw new AssertionError(e);
            }
        });
        second.start();
        assertTrue(waiting.await(30, TimeUnit.SECONDS), "the second thread did not report that it waits");
        assertTrue(second.isAlive(), "the second thread got the lock the first one holds");
        first.close();
        second.join(30_000);
        assertFalse(second.isAlive(), "the second thread never got the lock");
    }

    @Test
    void isReentrantWithinAThread() throws Exception {
        try (TargetLock outer = TargetLock.acquire(target, message -> { })) {
            try (TargetLock inner = TargetLock.acquire(target, message -> { })) {
                // a goal holding the lock restores, which takes it again
            }
            Optional<TargetLock> fromOtherThread = onOtherThread(() -> TargetLock.tryAcquire(target));
            assertTrue(fromOtherThread.isEmpty(), "closing the inner hold released the lock");
        }
        Optional<TargetLock> afterwards = onOtherThread(() -> {
            Optional<TargetLock> lock = TargetLock.tryAcquire(target);
            if (lock.isPresent()) {
                lock.get().close();
            }
            return lock;
        });
        assertTrue(afterwards.isPresent());
    }

    @Test
    void anotherProcessHoldingItKeepsThisOneOut() throws Exception {
        Process child = ChildJvm.start(LockHolder.class, target.toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            assertTrue(TargetLock.tryAcquire(target).isEmpty(), "got the lock another process holds");

            child.getOutputStream().close();
            assertEquals(0, child.waitFor());
            Optional<TargetLock> lock = TargetLock.tryAcquire(target);
            assertTrue(lock.isPresent(), "the lock was not free once the other process let go");
            lock.get().close();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aProcessKilledWhileHoldingItLeavesItFree() throws Exception {
        Process child = ChildJvm.start(LockHolder.class, target.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", out.readLine());

        child.destroyForcibly().waitFor();

        try (TargetLock lock = TargetLock.acquire(target, message -> { })) {
            assertTrue(Files.exists(target.resolve(TargetLock.FILE_NAME)));
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T onOtherThread(Call<T> call) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            return pool.submit(call::call).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
