package dev.rustwheel.goals;

import java.nio.file.Path;

/** The wheel a package step wrote, and its {@code python-abi-platform} tag. */
public record WheelResult(Path file, String tag) {
}
