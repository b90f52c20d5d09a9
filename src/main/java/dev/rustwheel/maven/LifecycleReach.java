package dev.rustwheel.maven;

import java.util.Collection;
import java.util.Set;

/**
 * Whether this build will still run the {@code finalize} goal after {@code package}. When it will not (say,
 * {@code mvn package}), {@code package} gives cargo its outputs back itself, so that no successful build ends
 * with cargo's outputs missing.
 */
final class LifecycleReach {

    /** The default lifecycle's phases from {@code verify} on: requesting any of them runs verify. */
    private static final Set<String> PHASES_FROM_VERIFY = Set.of("verify", "install", "deploy");

    private LifecycleReach() {
    }

    /**
     * @param requestedTasks the phases and goals given on the command line
     * @param finalizeBound  whether the module binds the finalize goal (by packaging or by an execution)
     */
    static boolean finalizeFollows(Collection<String> requestedTasks, boolean finalizeBound) {
        if (finalizeBound) {
            for (String task : requestedTasks) {
                if (PHASES_FROM_VERIFY.contains(task)) {
                    return true;
                }
            }
        }
        return false;
    }
}
