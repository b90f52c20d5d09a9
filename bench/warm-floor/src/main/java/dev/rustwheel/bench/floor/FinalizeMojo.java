package dev.rustwheel.bench.floor;

import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Reads the manifest and writes it, as before giving cargo its outputs back. */
@Mojo(name = "finalize", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class FinalizeMojo extends FloorGoal {

    @Override
    void work() throws IOException {
        writeManifest(readManifest()); // before the move back
    }
}
