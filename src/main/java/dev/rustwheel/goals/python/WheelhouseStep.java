package dev.rustwheel.goals.python;

import dev.rustwheel.goals.BuildException;
import dev.rustwheel.goals.BuildLog;
import dev.rustwheel.wheel.InvalidWheelException;
import dev.rustwheel.wheel.zip.WheelArchive;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code wheelhouse} goal: copies the wheels a module depends on into one directory under their PEP 427 names,
 * recovered from each wheel's own {@code .dist-info} (a Maven repository names them after the artifact, which pip
 * refuses), so pip can install from it with {@code --find-links}.
 */
public final class WheelhouseStep {

    private final BuildLog log;

    public WheelhouseStep(BuildLog log) {
        this.log = log;
    }

    /**
     * @param dependencies the resolved wheel files, as Maven named them
     * @return the wheelhouse's wheels, by the dependency they came from
     */
    public Map<Path, Path> run(List<Path> dependencies, Path wheelhouse) throws BuildException {
        Map<Path, Path> placed = new LinkedHashMap<>();
        try {
            Files.createDirectories(wheelhouse);
            for (Path dependency : dependencies) {
                Path target = wheelhouse.resolve(WheelArchive.read(dependency).fileName());
                if (placed.containsValue(target)) {
                    throw BuildException.userError("Two wheel dependencies are the same wheel "
                            + target.getFileName() + " (one is " + dependency + "). Depend on each wheel once.", null);
                }
                Path partial = wheelhouse.resolve(target.getFileName() + ".part");
                Files.copy(dependency, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("Wheelhouse: " + target.getFileName() + " (from " + dependency + ")");
                placed.put(dependency, target);
            }
            removeStale(wheelhouse, placed);
        } catch (InvalidWheelException e) {
            throw BuildException.userError(e.getMessage() + ". Dependencies of type whl must be wheels; check the"
                    + " dependency that resolves to " + e.file() + ".", e);
        } catch (IOException e) {
            throw BuildException.toolFailure("Cannot fill the wheelhouse " + wheelhouse + ": " + e, e);
        }
        return placed;
    }

    /** A wheel of an earlier build (an older version) must not be what pip picks. */
    private void removeStale(Path wheelhouse, Map<Path, Path> placed) throws IOException {
        // a directory stream and a loop, not Files.list's stream: this is the first goal, and each lambda costs it a
        // class spun at first use
        List<Path> wheels = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(wheelhouse)) {
            for (Path file : files) {
                // a directory of that name is not a wheel pip could pick, and may hold what someone kept there
                if (file.getFileName().toString().endsWith(".whl") && Files.isRegularFile(file)) {
                    wheels.add(file);
                }
            }
        }
        for (Path file : wheels) {
            if (!placed.containsValue(file)) {
                log.info("Wheelhouse: removing " + file.getFileName() + ", no longer a dependency");
                Files.delete(file);
            }
        }
    }
}
