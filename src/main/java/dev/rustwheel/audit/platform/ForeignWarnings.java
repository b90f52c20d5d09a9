package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.ExternalLibrary;
import java.util.List;
import java.util.stream.Collectors;

/** The warning a macOS or Windows verdict carries when the wheel will lack libraries it needs. */
final class ForeignWarnings {

    private ForeignWarnings() {
    }

    static List<String> outside(List<ExternalLibrary> external, boolean grafting) {
        if (grafting || external.isEmpty()) {
            return List.of();
        }
        return List.of("The wheel needs libraries it does not carry: " + external.stream()
                .map(ExternalLibrary::describe).collect(Collectors.joining(", ")) + ". Set the parameter auditwheel"
                + " to repair to bundle them, or exclude them (auditwheelExclude) if the target systems provide them.");
    }
}
