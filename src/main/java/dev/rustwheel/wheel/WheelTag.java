package dev.rustwheel.wheel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One compatibility tag of a wheel: which interpreter, ABI and platform it runs on.
 * A component may be a compressed tag set such as {@code manylinux_2_17_x86_64.manylinux2014_x86_64}.
 */
public record WheelTag(String python, String abi, String platform) {

    /** {@code -} separates the parts of a wheel file name, so no component may contain one. */
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");

    public WheelTag {
        requireComponent("python", python);
        requireComponent("abi", abi);
        requireComponent("platform", platform);
    }

    /** Every single tag a compressed tag set stands for, as the {@code Tag:} lines of {@code WHEEL} list them. */
    public List<WheelTag> expanded() {
        List<WheelTag> tags = new ArrayList<>();
        for (String p : python.split("\\.")) {
            for (String a : abi.split("\\.")) {
                for (String platformTag : platform.split("\\.")) {
                    tags.add(new WheelTag(p, a, platformTag));
                }
            }
        }
        return List.copyOf(tags);
    }

    /** The form wheel file names and the {@code Tag:} lines of {@code WHEEL} use: {@code cp311-cp311-linux_x86_64}. */
    @Override
    public String toString() {
        return python + "-" + abi + "-" + platform;
    }

    // equals and hashCode spelled out: a record's generated ones cost milliseconds on their first call in a JVM,
    // and the package goal asks them of every build's tags
    @Override
    public boolean equals(Object other) {
        return other instanceof WheelTag t && python.equals(t.python) && abi.equals(t.abi)
                && platform.equals(t.platform);
    }

    @Override
    public int hashCode() {
        return (python.hashCode() * 31 + abi.hashCode()) * 31 + platform.hashCode();
    }

    private static void requireComponent(String what, String value) {
        if (!COMPONENT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + what + " tag '" + value + "': only letters, digits, '_' and '.' may appear");
        }
    }
}
