package dev.rustwheel.audit.graft;

import java.nio.file.Path;

/**
 * A file of the wheel whose external libraries are grafted.
 *
 * @param file            where its clean bytes are now
 * @param wheelDirectory  the directory it lands in inside the wheel, {@code /}-separated ({@code pkg/sub})
 * @param extensionModule whether Python imports it, so that it must not need libpython (the interpreter has it)
 */
public record GraftTarget(Path file, String wheelDirectory, boolean extensionModule) {
}
