package dev.rustwheel.wheel;

import java.util.List;

/**
 * The {@code WHEEL} file. rustwheel's wheels always hold compiled code, so they are never purelib.
 *
 * @param generatorVersion the rustwheel version, recorded so that a broken wheel can be traced to its producer
 * @param tags             every tag the wheel is compatible with, at least one
 */
public record WheelInfo(String generatorVersion, List<WheelTag> tags) {

    public static final String FILE_NAME = "WHEEL";

    public WheelInfo {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a wheel needs at least one tag");
        }
        tags = List.copyOf(tags);
    }

    public String render() {
        StringBuilder out = new StringBuilder()
                .append("Wheel-Version: 1.0\n")
                .append("Generator: rustwheel ").append(generatorVersion).append('\n')
                .append("Root-Is-Purelib: false\n");
        for (WheelTag tag : tags) {
            out.append("Tag: ").append(tag).append('\n');
        }
        return out.toString();
    }
}
