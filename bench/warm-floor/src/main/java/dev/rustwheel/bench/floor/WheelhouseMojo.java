package dev.rustwheel.bench.floor;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Nothing to do, as rustwheel's wheelhouse goal without wheel dependencies. */
@Mojo(name = "wheelhouse", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class WheelhouseMojo extends FloorGoal {

    @Override
    void work() {
        // nothing: there are no wheel dependencies
    }
}
