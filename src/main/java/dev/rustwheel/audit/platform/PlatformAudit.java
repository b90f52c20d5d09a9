package dev.rustwheel.audit.platform;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import dev.rustwheel.audit.graft.GraftPlan;
import dev.rustwheel.audit.graft.GraftTarget;
import dev.rustwheel.staging.GraftedLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How one platform (Linux's ELF, macOS's Mach-O, Windows' PE) audits a module's native files and plans carrying
 * their external libraries in the wheel, so that the repair of a module build is one flow for all three.
 * Malformed or unpatchable files are reported as the binary readers' own typed exceptions (IOExceptions).
 */
public interface PlatformAudit {

    /**
     * @param files    the module's native files, where their clean bytes are now
     * @param grafting whether the external libraries will be carried in the wheel (the tags may then depend on them)
     * @throws AuditException when the files cannot get a tag the user asked for, or none at all
     */
    PlatformVerdict audit(List<Path> files, boolean grafting) throws AuditException, IOException;

    /**
     * Plans carrying {@code external} (the verdict's, all found) in the wheel: each library's path in the wheel
     * and overlay, and the edits of the targets that need them. Nothing is written.
     *
     * @param libsDirectory {@code <dist>.libs}, at the root of the wheel; a platform may place libraries elsewhere
     *                      where its loader needs them (Windows: beside the module that imports them)
     * @param previous      what the previous repair carried, whose digests hold for unchanged files
     * @throws AuditException when a library is not found or cannot be carried
     */
    GraftPlan plan(List<GraftTarget> targets, List<ExternalLibrary> external, String libsDirectory,
            List<GraftedLibrary> previous) throws AuditException, IOException;
}
