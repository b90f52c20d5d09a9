package dev.rustwheel.staging.store;

import java.nio.file.Path;

/** Child process for {@link TargetLockTest}: takes the lock, says so, and holds it until its stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (TargetLock lock = TargetLock.acquire(Path.of(args[0]), message -> { })) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
