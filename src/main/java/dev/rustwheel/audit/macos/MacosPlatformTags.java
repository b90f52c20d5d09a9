package dev.rustwheel.audit.macos;

import dev.rustwheel.binary.macho.MinimumOs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The macOS platform tags for the highest minimum macOS per architecture, by delocate's and pip's rules:
 * arm64 needs macOS 11 at least; x86_64 and arm64 pack into {@code universal2} (at x86_64's version) when their
 * versions agree or arm64's is 11.0; i386 and x86_64 pack into {@code intel} when theirs agree; from macOS 11 on
 * only the major version counts ({@code macosx_11_0}, never {@code macosx_11_3}).
 */
public final class MacosPlatformTags {

    private static final MinimumOs BIG_SUR = new MinimumOs(11, 0, 0, "arm64");

    private MacosPlatformTags() {
    }

    /** @param minimums the highest minimum macOS per architecture ({@code x86_64}, {@code arm64}, …) */
    public static List<String> of(Map<String, MinimumOs> minimums) {
        Map<String, MinimumOs> versions = new LinkedHashMap<>();
        minimums.forEach((arch, version) -> versions.put(arch,
                arch.equals("arm64") && version.compareTo(BIG_SUR) < 0 ? BIG_SUR : version));
        if (versions.containsKey("x86_64") && versions.containsKey("arm64")
                && (sameRelease(versions.get("x86_64"), versions.get("arm64"))
                        || sameRelease(versions.get("arm64"), BIG_SUR))) {
            MinimumOs x86 = versions.remove("x86_64");
            versions.remove("arm64");
            versions.put("universal2", x86);
        }
        if (versions.containsKey("i386") && versions.containsKey("x86_64")
                && sameRelease(versions.get("i386"), versions.get("x86_64"))) {
            MinimumOs x86 = versions.remove("x86_64");
            versions.remove("i386");
            versions.put("intel", x86);
        }
        List<String> tags = new ArrayList<>();
        versions.forEach((arch, version) -> tags.add("macosx_" + version.major() + "_"
                + (version.major() >= 11 ? 0 : version.minor()) + "_" + arch));
        return tags;
    }

    private static boolean sameRelease(MinimumOs a, MinimumOs b) {
        return a.major() == b.major() && a.minor() == b.minor();
    }
}
