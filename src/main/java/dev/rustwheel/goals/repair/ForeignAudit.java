package dev.rustwheel.goals.repair;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.macos.MacosAuditReport;
import dev.rustwheel.audit.macos.MacosAuditor;
import dev.rustwheel.audit.windows.WindowsAuditReport;
import dev.rustwheel.audit.windows.WindowsAuditor;
import dev.rustwheel.binary.macho.MachOFileException;
import dev.rustwheel.binary.pe.PeFileException;
import dev.rustwheel.goals.BuildException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs the macOS and Windows audits for the goals that need one, mapping their failures onto build failures. */
final class ForeignAudit {

    private ForeignAudit() {
    }

    static MacosAuditReport macos(List<Path> files, Optional<Path> bundleRoot, List<Path> libraryPath)
            throws BuildException {
        try {
            return new MacosAuditor(libraryPath).audit(files, bundleRoot);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (MachOFileException e) {
            throw BuildException.userError("Cannot audit " + e.file() + ": " + e.problem()
                    + ". Rebuild it, or check what wrote it.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot audit " + files + ": " + e, e);
        }
    }

    /**
     * @param libraryPathParameter the parameter that sets {@code libraryPath}, with its property, for messages
     * @param pythonTag            the wheel's Python tag ({@code cp312}), which decides the runtime DLLs Python
     *                             brings
     */
    static WindowsAuditReport windows(List<Path> files, List<Path> libraryPath, String libraryPathParameter,
            Optional<String> pythonTag) throws BuildException {
        Map<String, Path> bundled = new LinkedHashMap<>();
        files.forEach(f -> bundled.putIfAbsent(f.getFileName().toString().toLowerCase(Locale.ROOT), f));
        try {
            return new WindowsAuditor(libraryPath, libraryPathParameter, pythonTag).audit(files, bundled);
        } catch (AuditException e) {
            throw BuildException.userError(e.getMessage(), e);
        } catch (PeFileException e) {
            throw BuildException.userError("Cannot audit " + e.file() + ": " + e.problem()
                    + ". Rebuild it, or check what wrote it.", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot audit " + files + ": " + e, e);
        }
    }
}
