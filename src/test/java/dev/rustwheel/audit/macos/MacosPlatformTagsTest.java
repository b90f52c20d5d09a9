package dev.rustwheel.audit.macos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rustwheel.binary.macho.MinimumOs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** delocate's packing rules (its _pack_architectures examples) and pip's release-version rule. */
class MacosPlatformTagsTest {

    @Test
    void packsArchitecturesAsDelocateDoes() {
        assertEquals(List.of("macosx_11_0_arm64"), tags("arm64", "11.0"));
        assertEquals(List.of("macosx_10_5_intel"), tags("i386", "10.5", "x86_64", "10.5"));
        assertEquals(List.of("macosx_10_5_universal2"), tags("x86_64", "10.5", "arm64", "11.0"));
        assertEquals(List.of("macosx_11_0_x86_64", "macosx_12_0_arm64"), tags("x86_64", "11.0", "arm64", "12.0"));
        assertEquals(List.of("macosx_11_0_i386", "macosx_11_0_universal2"),
                tags("i386", "11.0", "x86_64", "11.0", "arm64", "11.0"));
        assertEquals(List.of(), tags());
    }

    @Test
    void onlyTheMajorVersionCountsFromMacos11AndArm64NeedsAtLeast11() {
        assertEquals(List.of("macosx_11_0_arm64"), tags("arm64", "11.3"));
        assertEquals(List.of("macosx_13_0_x86_64"), tags("x86_64", "13.4"));
        assertEquals(List.of("macosx_11_0_arm64"), tags("arm64", "10.9"));
        assertEquals(List.of("macosx_10_9_universal2"), tags("x86_64", "10.9", "arm64", "10.9"));
    }

    private static List<String> tags(String... archVersions) {
        Map<String, MinimumOs> minimums = new LinkedHashMap<>();
        for (int i = 0; i < archVersions.length; i += 2) {
            String[] v = archVersions[i + 1].split("\\.");
            minimums.put(archVersions[i], new MinimumOs(Integer.parseInt(v[0]), Integer.parseInt(v[1]), 0, "test"));
        }
        return MacosPlatformTags.of(minimums);
    }
}
