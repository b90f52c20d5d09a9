package dev.rustwheel.bench.floor;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Nothing to do, as rustwheel's test goal with -DskipTests. */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class TestMojo extends FloorGoal {

    @Override
    void work() {
        // nothing: tests are skipped
    }
}
