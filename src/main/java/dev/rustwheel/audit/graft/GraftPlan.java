package dev.rustwheel.audit.graft;

import dev.rustwheel.overlay.Overlay;
import dev.rustwheel.staging.GraftedLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What repair does to a wheel: the libraries it carries and the edits of the wheel's own files.
 *
 * @param libraries the grafted libraries, each with its overlay
 * @param edits     per target file that needs a grafted library, its edits; files needing none are absent
 */
public record GraftPlan(List<GraftedLibrary> libraries, Map<Path, Overlay> edits) {

    public GraftPlan {
        libraries = List.copyOf(libraries);
        edits = Map.copyOf(edits);
    }
}
