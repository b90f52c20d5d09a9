package dev.rustwheel.bench.floor;

import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Reads the manifest, as a repair that finds its kept verdict. */
@Mojo(name = "repair", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class RepairMojo extends FloorGoal {

    @Override
    void work() throws IOException {
        readManifest();
    }
}
