package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.LibraryExclusion;
import dev.rustwheel.audit.linux.AuditReport;
import dev.rustwheel.audit.linux.Auditor;
import dev.rustwheel.audit.linux.Policies;
import dev.rustwheel.audit.linux.SearchPaths;
import dev.rustwheel.binary.elf.ElfFormatException;
import dev.rustwheel.goals.BuildException;
import dev.rustwheel.staging.StagedArtifact;
import dev.rustwheel.staging.StagingManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs the audit for the goals that need one, mapping its failures onto build failures. */
public final class ArtifactAudit {

    private ArtifactAudit() {
    }

    /** Audits the module's artifacts where their clean bytes are now (staged, or back in cargo's output). */
    static AuditReport ofModule(StagingManifest manifest, String ldLibraryPath, LibraryExclusion exclusion)
            throws BuildException {
        List<Path> files = manifest.artifacts().stream().map(StagedArtifact::currentPath).toList();
        return of(files, Optional.empty(), ldLibraryPath, manifest.linkedPaths(), exclusion);
    }

    static AuditReport of(List<Path> files, Optional<Path> bundleRoot, String ldLibraryPath, List<Path> linkedPaths,
            LibraryExclusion exclusion) throws BuildException {
        try {
            SearchPaths paths = SearchPaths.of(Path.of("/"), ldLibraryPath, linkedPaths);
            return new Auditor(Policies.bundled(), paths, exclusion).audit(files, bundleRoot);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (ElfFormatException e) {
            throw BuildException.userError("Cannot audit " + e.file() + ": " + e.problem()
                    + ". Rebuild it (mvn clean package), or check what wrote it.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot audit " + files + ": " + e, e);
        }
    }
}
