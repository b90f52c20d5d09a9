package dev.rustwheel.goals.repair;

import dev.rustwheel.goals.BuildException;
import java.nio.file.Path;

/**
 * What the goals that read a wheel file ({@code show}, the repair of a wheel) say about its files names them inside
 * the wheel ({@code demo-1.0-….whl!/demo/ext.so}), not in the temporary directory it was unpacked into: people
 * and tools know the wheel, and the directory is gone when they read the message.
 */
final class InWheelNames {

    private InWheelNames() {
    }

    /** {@code text} with every path under {@code unpacked} named inside {@code wheel}. */
    static String of(String text, Path unpacked, Path wheel) {
        return text.replace(unpacked + "/", wheel.getFileName() + "!/");
    }

    /**
     * {@code e} with its message renamed so; {@code e} is kept as suppressed, not as the cause, which Maven would
     * print after it, temporary paths and all.
     */
    static BuildException renamed(BuildException e, Path unpacked, Path wheel) {
        String message = of(e.getMessage(), unpacked, wheel);
        BuildException renamed = e.isUserError() ? BuildException.userError(message, null)
                : BuildException.toolFailure(message, null);
        renamed.addSuppressed(e);
        return renamed;
    }
}
