package dev.rustwheel.bench.floor;

import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Reads the manifest, as a package goal leaving the wheel as it is. */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends FloorGoal {

    @Override
    void work() throws IOException {
        readManifest();
    }
}
